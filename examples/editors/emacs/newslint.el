;;; newslint.el --- newslint findings in compilation mode  -*- lexical-binding: t; -*-

;; newslint's text format, `path:line:col: severity: message [rule.id]', is
;; the GNU style that compilation mode already understands, and `M-g n' /
;; `M-g p' walk the findings.  Two things the plain `M-x compile' gets wrong:
;; it takes "suggestion" for an error, and it reads columns as screen columns,
;; where a tab or an emoji earlier on the line is wider than the one
;; character newslint counts, so the cursor lands on the wrong word.
;; Loading this file (or pasting it into your init file) adds a rule that
;; knows newslint's three levels, and `M-x newslint-buffer', which lints the
;; current draft in `newslint-compilation-mode', where columns count
;; characters as newslint does.
;;
;; Flycheck and Eglot users may prefer the language server: `newslint lsp'.

;;; Code:

(require 'compile)

(add-to-list
 'compilation-error-regexp-alist-alist
 ;; Groups: 1 file, 2 line, 3 column, 4 error, 5 warning, 6 suggestion.
 ;; TYPE (5 . 6): a warning if group 5 matched, info if group 6, else error.
 '(newslint
   "^\\([^\n]+?\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:\\(error\\)\\|\\(warning\\)\\|\\(suggestion\\)\\): "
   1 2 3 (5 . 6)))
(add-to-list 'compilation-error-regexp-alist 'newslint)

(define-compilation-mode newslint-compilation-mode "newslint"
  "Compilation mode for newslint's findings: its columns count characters."
  ;; Read in the compilation buffer when a finding is visited.
  (setq-local compilation-error-screen-columns nil))

(defun newslint-buffer ()
  "Lint the current draft with newslint in a compilation buffer."
  (interactive)
  (save-buffer)
  (compile (concat "newslint --format text --quiet --no-color "
                   (shell-quote-argument (buffer-file-name)))
           'newslint-compilation-mode))

(provide 'newslint)
;;; newslint.el ends here
