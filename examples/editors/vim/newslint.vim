" Vim compiler plugin for newslint: :make lints the current draft and fills
" the quickfix list (:copen, :cnext) from newslint's text format.
"
" Install:  copy to ~/.vim/compiler/newslint.vim (Neovim:
"           ~/.config/nvim/compiler/newslint.vim), then in a draft
"           :compiler newslint   and   :make
"           or for every Markdown file, in ~/.vim/after/ftplugin/markdown.vim:
"           compiler newslint
" Options:  :make --select names   (anything after :make goes to newslint)
"
" The text format is `path:line:col: severity: message [rule.id]`, one
" finding a line; --quiet drops the summary line. Errors and warnings keep
" their type; suggestions come in as plain entries. Everything else
" (`fixed:` lines, notes) is ignored.
"
" Columns: newslint counts characters, Vim's %c counts bytes, and a curly
" quote, an apostrophe or an emoji earlier on the line would put the cursor
" on the wrong word; `--columns bytes` makes newslint count as %c does.
" (%v would count screen cells, where a tab or an emoji is wider.)

if exists("current_compiler")
  finish
endif
let current_compiler = "newslint"

if exists(":CompilerSet") != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=newslint\ --format\ text\ --quiet\ --no-color\ --columns\ bytes\ $*\ %:S
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ suggestion:\ %m,%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
