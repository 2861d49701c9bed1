"""Run the command line as ``python -m orgmodel``."""

from orgmodel.cli import main

main(prog_name="orgmodel")
