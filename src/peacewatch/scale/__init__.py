"""Scale-out: extract and reconcile a large corpus partition by partition, locally or on Dask.

Consumes article JSONL or Parquet (local paths or fsspec URLs); produces the contract
lines of every article (``documents.jsonl``, as ``peacewatch extract`` prints them) and
the canonical events (``canonical.parquet/``). ``run`` is the entry point; ``runner``
holds the plan, ``inputs`` cuts the input, ``work`` is the map and reduce tasks,
``blocking`` says which reports are reconciled together, ``output`` writes, and
``local_engine`` / ``dask_engine`` execute the same plan. Dask, pyarrow and fsspec are
the optional extra ``peacewatch[dask]``; nothing here is imported by ``import peacewatch``.
"""

from peacewatch.scale.blocking import Blocking
from peacewatch.scale.runner import ENGINES, RunReport, run

__all__ = ["ENGINES", "Blocking", "RunReport", "run"]
