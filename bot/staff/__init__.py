"""Staff: caseworkers, partners and admins, their invites, and role checks."""
