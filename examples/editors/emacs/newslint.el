;;; newslint.el --- newslint findings in compilation mode  -*- lexical-binding: t; -*-

;; newslint's text format, `path:line:col: severity: message [rule.id]', is
;; the GNU style that compilation mode already understands: `M-x compile RET
;; newslint --quiet --no-color draft.md RET' works as it is, and `M-g n' /
;; `M-g p' walk the findings.  What the built-in rule gets wrong is the level:
;; it takes "suggestion" for an error.  Loading this file (or pasting it into
;; your init file) adds a rule that knows newslint's three levels, and a
;; command that lints the current draft.
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

(defun newslint-buffer ()
  "Lint the current draft with newslint in a compilation buffer."
  (interactive)
  (save-buffer)
  (compile (concat "newslint --format text --quiet --no-color "
                   (shell-quote-argument (buffer-file-name)))))

(provide 'newslint)
;;; newslint.el ends here
