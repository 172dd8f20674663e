"""Privacy: the notice, access (/mine_data), erasure (/slet), quick exit (/skjul) and retention."""
