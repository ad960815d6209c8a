"""Names: one name spelt more than one way, in a draft and across a repository.

| module | job |
|---|---|
| ``forms`` | the one owner of possessives, particles, apostrophes and spelling keys |
| ``shapes`` | a romanised part's consonant skeleton and vowel classes |
| ``keys`` | which two spellings are one name; grouping a list of spellings |
| ``find`` | name candidates in a draft |
| ``groups`` | a draft's spellings grouped, with the canonical spelling |
| ``repository``, ``index`` | a repository's drafts; its SQLite name index |
| ``project`` | the repository's spellings brought into one draft's check |
| ``house`` | the newsroom's own house list (``names.house_list``), filled into the pack |
| ``rule`` | the ``variants`` rule kind (registered as ``kinds.variants``) |
| ``command`` | ``newslint names`` |

This package's ``__init__`` imports nothing, so ``names.forms`` stays cheap
for the modules outside it that cut possessives and particles.
"""
