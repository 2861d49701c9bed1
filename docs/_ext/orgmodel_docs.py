"""Sphinx helpers for the orgmodel docs: the CLI reference and the chart gallery.

``orgmodel-cli`` writes one section per command with its ``--help`` text, taken from
the click command itself so the reference never drifts from the program.  At the start
of a build the gallery's charts are rendered into ``docs/_generated/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

__all__ = ["setup"]


def _help_text(command: click.Command, name: str, parent: click.Context | None) -> str:
    ctx = click.Context(command, info_name=name, parent=parent, terminal_width=88)
    return command.get_help(ctx)


class CliReference(SphinxDirective):
    """Document every ``orgmodel`` command from its own ``--help``."""

    has_content = False

    def _section(self, title: str, text: str) -> nodes.section:
        section = nodes.section(
            ids=[nodes.make_id(title)], names=[nodes.fully_normalize_name(title)]
        )
        section += nodes.title(title, title)
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        section += block
        self.state.document.note_implicit_target(section)
        return section

    def run(self) -> list[nodes.Node]:
        from orgmodel.cli import main  # noqa: PLC0415 - only when the directive is used

        root = click.Context(main, info_name="orgmodel", terminal_width=88)
        sections: list[nodes.Node] = [self._section("orgmodel", main.get_help(root))]
        for name in sorted(main.commands):
            help_text = _help_text(main.commands[name], name, root)
            sections.append(self._section(f"orgmodel {name}", help_text))
        return sections


def _render_gallery(app: Sphinx) -> None:
    from gallery import render_gallery  # noqa: PLC0415 - docs/_ext/gallery.py

    render_gallery(Path(app.srcdir) / "_generated")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive and the gallery hook."""
    app.add_directive("orgmodel-cli", CliReference)
    app.connect("builder-inited", _render_gallery)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
