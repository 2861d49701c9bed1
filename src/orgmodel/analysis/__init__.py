"""Analyses of an :class:`~orgmodel.model.Organization`, one module per question."""
