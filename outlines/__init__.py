"""drafter's shipped outlines and templates (data only), installed as the package drafter.outlines."""
