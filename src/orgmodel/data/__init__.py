"""Example organisations shipped with orgmodel, read by :mod:`orgmodel.examples`."""
