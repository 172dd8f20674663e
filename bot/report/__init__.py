"""The coordinators' report: what young people ask, what Husly could not answer, how fast urgent cases were
met, where housing is missing, and the knowledge base's health (docs/report.md).

Modules: period (days and weeks), gather (SQL aggregation), suppress (small counts hidden), build (the report
as data), html and charts (one self-contained HTML file), formats (JSON, CSV, and choosing one), command
(/report for admins in the chat). Nothing here is imported when the bot starts: only when a report is made.
"""
