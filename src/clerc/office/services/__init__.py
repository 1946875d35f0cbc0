"""Use cases of the office: each public function is one transaction (``db.executer``)."""
