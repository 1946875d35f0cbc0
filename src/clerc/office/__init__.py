"""The office's world: database models, services (one transaction each), ledger, audit log."""
