"""Anonymous statistics for the coordinators' report, recorded as things happen (never who, never the words).

Modules: models (the statistics tables), record (what the conversation calls to count a search, an alert or
a question's visitor), days (Danish days and weeks), demo (`husly stats demo`: scripted activity for a
newcomer's first report).
"""
