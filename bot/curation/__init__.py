"""The curator queue: questions Husly could not answer well, kept scrubbed of personal details for curators.

Modules: scrub (remove phone numbers, e-mail and CPR numbers, addresses and names from Danish or English
text), models (the queue table), queue (keep, flag on 👎, list, resolve, dismiss, purge), topic_files (add a
question as an example phrasing to a topic's YAML file, keeping its formatting), privacy (its retention).
"""
