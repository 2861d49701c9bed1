"""Managers named by what a column holds: ids, e-mail addresses, LDAP DNs or names.

:class:`References` resolves each reference in turn: an id first; then, by its
shape, an e-mail address (compared without case), an LDAP distinguished name
(compared without case or the spaces around ``,`` and ``=``; a DN that matches no
one is tried as the name in its first part, ``cn=Alex Kim,...``) or a name
(compared without case or extra spaces; ``Kim, Alex`` is also tried as ``Alex
Kim``).  A name two people share is ambiguous, never guessed.  Each index is built
the first time a reference needs it, so a file whose managers are ids pays for none.

Examples
--------
>>> refs = References(["e1", "e2"], ["Ann Lee", "Bo Chen"], ["ann@x.org", "bo@x.org"])
>>> refs.resolve("e2"), refs.resolve("ANN@x.org"), refs.resolve("Chen, Bo")
('e2', 'e1', 'e2')
>>> refs.resolve("Cy Dane")
Traceback (most recent call last):
...
orgmodel.io._references.Unresolved: nobody has the id or name 'Cy Dane'
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Final

from orgmodel._suggest import did_you_mean

__all__ = ["By", "References", "Unresolved", "normal_dn", "normal_name"]

_SUGGESTIONS = 200  # did-you-mean is costly; suggest for the first problems only
_DN = re.compile(r"^\s*[A-Za-z][\w-]*\s*=.*[,=]|^\s*(cn|uid|ou|o|dc)\s*=", re.IGNORECASE)
_DN_SPACES = re.compile(r"\s*([,=+])\s*")


class By(enum.Enum):
    """What a reference was matched by."""

    ID = "id"
    EMAIL = "e-mail address"
    DN = "distinguished name"
    NAME = "name"


class Unresolved(LookupError):  # noqa: N818 - it is a result, caught at once
    """A reference that matches nobody, or more than one person."""

    def __str__(self) -> str:
        return str(self.args[0])


def normal_name(name: str) -> str:
    """Return *name* without case or extra spaces, for matching.

    Examples
    --------
    >>> normal_name("  Alex   KIM ")
    'alex kim'
    """
    return " ".join(name.casefold().split())


def normal_dn(dn: str) -> str:
    """Return the DN *dn* without case or spaces around its separators.

    Examples
    --------
    >>> normal_dn("CN=Alex Kim, OU=People ,DC=example,DC=com")
    'cn=alex kim,ou=people,dc=example,dc=com'
    """
    return _DN_SPACES.sub(r"\1", dn.strip()).casefold()


_AMBIGUOUS: Final = ""  # an index entry for a key two people share


def _index(
    keys: Sequence[str] | None, ids: Sequence[str], fold: Callable[[str], str]
) -> dict[str, str]:
    out: dict[str, str] = {}
    if keys is None:
        return out
    for key, pid in zip(keys, ids, strict=True):
        if not key:
            continue
        k = fold(key)
        out[k] = _AMBIGUOUS if k in out and out[k] != pid else pid
    return out


class References:
    """Resolve references to people by id, e-mail address, DN or name (see the module)."""

    def __init__(
        self,
        ids: Sequence[str],
        names: Sequence[str],
        emails: Sequence[str] | None = None,
        dns: Sequence[str] | None = None,
    ) -> None:
        self.ids = ids
        self.id_set = frozenset(ids)
        self.names = names
        self.emails = emails
        self.dns = dns
        self.used: Counter[By] = Counter()
        self._email: dict[str, str] | None = None
        self._dn: dict[str, str] | None = None
        self._name: dict[str, str] | None = None
        self._suggested = 0

    def email_index(self) -> dict[str, str]:
        """Return e-mail address (case-folded) → id; ``""`` for an address two share."""
        return self._table(By.EMAIL)

    def resolve(self, value: str) -> str:  # noqa: PLR0911 - a return per kind of reference
        """Return the id *value* refers to, or raise :class:`Unresolved` saying why."""
        if value in self.id_set:
            self.used[By.ID] += 1
            return value
        text = value.strip()
        if text in self.id_set:
            self.used[By.ID] += 1
            return text
        if "@" in text and "=" not in text:
            return self._look(By.EMAIL, text.casefold(), value)
        if _DN.match(text):
            try:
                return self._look(By.DN, normal_dn(text), value)
            except Unresolved:
                first = text.split(",", 1)[0].split("=", 1)[-1]
                return self._look(By.NAME, normal_name(first), value)
        key = normal_name(text)
        try:
            return self._look(By.NAME, key, value)
        except Unresolved:
            if key.count(",") == 1:  # "Kim, Alex" → "alex kim"
                last, first = key.split(",")
                swapped = normal_name(f"{first} {last}")
                if swapped in self._names():
                    return self._look(By.NAME, swapped, value)
            raise

    def _names(self) -> dict[str, str]:
        if self._name is None:
            self._name = _index(self.names, self.ids, normal_name)
        return self._name

    def _table(self, by: By) -> dict[str, str]:
        if by is By.NAME:
            return self._names()
        if by is By.EMAIL:
            if self._email is None:
                self._email = _index(self.emails, self.ids, str.casefold)
            return self._email
        if self._dn is None:
            self._dn = _index(self.dns, self.ids, normal_dn)
        return self._dn

    def _look(self, by: By, key: str, value: str) -> str:
        found = self._table(by).get(key)
        if found:
            self.used[by] += 1
            return found
        if found == _AMBIGUOUS:
            holders = self._holders(by, key)
            msg = (
                f"{value!r} is ambiguous: {len(holders)} people have that {by.value} "
                f"({', '.join(repr(h) for h in holders[:5])}); refer to them by id"
            )
            raise Unresolved(msg)
        what = "has the id or name" if by is By.NAME else f"has the {by.value}"
        msg = f"nobody {what} {value!r}{self._hint(by, value)}"
        raise Unresolved(msg)

    def _holders(self, by: By, key: str) -> list[str]:
        keys = {By.NAME: self.names, By.EMAIL: self.emails, By.DN: self.dns}[by] or ()
        fold = {By.NAME: normal_name, By.EMAIL: str.casefold, By.DN: normal_dn}[by]
        return [pid for k, pid in zip(keys, self.ids, strict=True) if k and fold(k) == key]

    def _hint(self, by: By, value: str) -> str:
        self._suggested += 1
        if self._suggested > _SUGGESTIONS:
            return ""
        pool = {By.NAME: self.names, By.EMAIL: self.emails, By.DN: self.dns}[by] or ()
        return did_you_mean(value, [p for p in pool if p]) or did_you_mean(value, self.ids)
