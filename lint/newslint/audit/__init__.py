"""``newslint audit ARCHIVE...``: a whole archive linted on a Dask cluster.

One module per job: ``drafts`` (walking and hashing), ``plugin`` (each
worker's LanguageTool server and linter), ``work`` (what a worker does with a
batch), ``job`` (the client: batches, faults, progress), ``dataset`` (Parquet
or SQLite rows), ``state`` (resume by content hash), ``names`` (the adapter
to the names modules), ``summary`` and ``progress``; ``command`` parses the
command line.
"""
