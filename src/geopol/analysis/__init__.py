"""Relations over time from the store: dyad series (``series``), alignment networks and blocs
(``network``), shifts and change points (``shifts``), alert rules (``alerts``), article briefs
(``brief``) and period reports (``report``); factuality weights in ``weights``.

Submodules are imported on use: matplotlib and networkx load only for what needs them.
"""
