"""Facts that must agree within one story: the ``facts.*`` rule family.

One module per job: ``common`` (places, disagreements, patterns compiled on
first use), ``story`` (the story's date, headline and front matter),
``numbers`` (reading figures and number words), ``counts``, ``dates``,
``ages``, ``people``, ``headline`` and ``arithmetic`` (each a consistency
check), and ``kind`` (the rule kind the engine runs, listed in
``kinds.KINDS``). Every check yields
``Disagreement``s that name two places in the draft; the kind turns them into
findings whose message names the other line.
"""
