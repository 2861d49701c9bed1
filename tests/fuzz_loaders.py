"""Fuzz the orgmodel loaders for as long as you like.

Every input must either load or raise :class:`orgmodel.OrgModelError`; any other
exception, and any input that takes longer than ``--timeout`` seconds, is a
failure: the input is written to ``--crash-dir`` and the run stops with status 1.

Two engines:

``atheris`` (the default when it is installed)
    Coverage-guided fuzzing with libFuzzer.  Inputs are raw bytes: the first byte
    picks the reader (orgmodel's YAML, JSON and CSV; HR exports and org-chart tools'
    tables; tab-separated tables; directory dumps; LDIF; an Excel sheet's XML), the
    rest is the file, decoded as :func:`orgmodel.load` decodes files.  The corpus
    starts from valid inputs (``tests/fuzz_corpus.py`` and the sample files in
    ``tests/data``), so the fuzzer mutates real org charts.

``random``
    The mutations of the test suite (deletions, insertions of characters parsers
    care about, known keys, swapped lines, truncation) applied to the same valid
    documents, with a seeded random generator; no extra dependency.

``writers``
    The writers, the other way round: random valid organisations whose ids, names
    and attributes are as hostile as validation allows (control characters,
    carriage returns, formula leaders, YAML's special words, XML's markup ...) are
    written in every format (YAML, JSON, CSV, GraphML, to files and as text) and read
    back; anything but an equal organisation (or a clear refusal, CSV and NUL) is a
    failure, saved as the organisation's JSON.

Every input the loader engines load is also written in every format and read back.

Run from the repository root::

    PYTHONPATH=src python tests/fuzz_loaders.py --seconds 600
    PYTHONPATH=src python tests/fuzz_loaders.py --iterations 1000000 --engine random --seed 7
    PYTHONPATH=src python tests/fuzz_loaders.py --engine writers --seconds 600

Options: ``--iterations N`` (stop after N inputs), ``--seconds S`` (stop after S
seconds; default 60 when neither is given), ``--engine atheris|random|writers``,
``--seed N`` (random engine), ``--timeout S`` (per input, default 10),
``--crash-dir DIR`` (default ``fuzz-crashes``).
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).parent))

_FORMATS = ("yaml", "json", "csv")
#: The readers of the data people have, after orgmodel's own formats (READER_SEEDS).
_READERS = ("table", "tsv", "directory", "ldif", "xlsx")
_KINDS = _FORMATS + _READERS


class _TimeoutError(Exception):
    pass


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _TimeoutError


def _check(data: bytes, timeout: float) -> None:
    """Load one input; raise on anything but success or OrgModelError."""
    import orgmodel as om  # noqa: PLC0415 - after atheris instruments the imports
    from fuzz_corpus import load_reader_input  # noqa: PLC0415
    from orgmodel.io import _files  # noqa: PLC0415

    kind = _KINDS[data[0] % len(_KINDS)] if data else "yaml"
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        try:
            if kind in _READERS:
                # the harness's own decoding: any bytes make some text
                org = load_reader_input(kind, data[1:].decode("utf-8", "surrogateescape"))
            else:
                org = om.loads(_files.decode(data[1:], "fuzz input"), format=kind)
        except om.OrgModelError:
            return
        with tempfile.TemporaryDirectory() as folder:
            check_written(org, folder)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def check_written(org: object, folder: str) -> None:
    """Write *org* in every format and read it back (see ``fuzz_corpus.check_written``)."""
    from fuzz_corpus import check_written as check  # noqa: PLC0415

    check(org, folder)  # type: ignore[arg-type]


def _run_writers(args: argparse.Namespace) -> int:
    import orgmodel as om  # noqa: PLC0415
    from fuzz_corpus import random_organization  # noqa: PLC0415

    rng = random.Random(args.seed)  # noqa: S311 - reproducible fuzzing, not secrets
    deadline = time.monotonic() + args.seconds if args.seconds else None
    count = 0
    while (args.iterations is None or count < args.iterations) and (
        deadline is None or time.monotonic() < deadline
    ):
        org = random_organization(rng)
        signal.setitimer(signal.ITIMER_REAL, args.timeout)
        try:
            with tempfile.TemporaryDirectory() as folder:
                check_written(org, folder)
        except (Exception, _TimeoutError) as err:  # noqa: BLE001 - report any failure
            text = om.dumps(org, format="json")
            _save(args.crash_dir, text.encode("utf-8", "surrogatepass"), err)
            return 1
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        count += 1
        if count % 1_000 == 0:
            print(f"{count:,} organisations written and read back", file=sys.stderr)  # noqa: T201
    print(f"done: {count:,} organisations, no failures", file=sys.stderr)  # noqa: T201
    return 0


def _seeds() -> list[bytes]:
    from fuzz_corpus import READER_SEEDS, SEEDS  # noqa: PLC0415

    out: list[bytes] = []
    for i, kind in enumerate(_KINDS):
        texts = SEEDS[kind] if kind in SEEDS else READER_SEEDS[kind]
        out.extend(bytes([i]) + text.encode() for text in texts)
    return out


def _save(crash_dir: Path, data: bytes, error: BaseException) -> Path:
    crash_dir.mkdir(parents=True, exist_ok=True)
    path = crash_dir / f"crash-{int(time.time() * 1000)}.bin"
    path.write_bytes(data)
    print(f"FAILURE ({type(error).__name__}); input saved to {path}", file=sys.stderr)  # noqa: T201
    traceback.print_exception(error)
    return path


def _run_random(args: argparse.Namespace) -> int:
    from fuzz_corpus import mutate, random_ops  # noqa: PLC0415

    rng = random.Random(args.seed)  # noqa: S311 - reproducible fuzzing, not secrets
    seeds = _seeds()
    deadline = time.monotonic() + args.seconds if args.seconds else None
    count = 0
    while (args.iterations is None or count < args.iterations) and (
        deadline is None or time.monotonic() < deadline
    ):
        seed = rng.choice(seeds)
        text = mutate(seed[1:].decode(), random_ops(rng))
        data = seed[:1] + text.encode("utf-8", "surrogatepass")
        try:
            _check(data, args.timeout)
        except (Exception, _TimeoutError) as err:  # noqa: BLE001 - report any failure
            _save(args.crash_dir, data, err)
            return 1
        count += 1
        if count % 10_000 == 0:
            print(f"{count:,} inputs, no failures", file=sys.stderr)  # noqa: T201
    print(f"done: {count:,} inputs, no failures", file=sys.stderr)  # noqa: T201
    return 0


def _run_atheris(args: argparse.Namespace) -> int:
    import atheris  # noqa: PLC0415

    with atheris.instrument_imports(include=["orgmodel", "yaml"]):
        import yaml  # noqa: F401, PLC0415

        import orgmodel  # noqa: PLC0415
        import orgmodel.io  # noqa: F401, PLC0415

    def one_input(data: bytes) -> None:
        try:
            _check(data, args.timeout)
        except _TimeoutError as err:
            _save(args.crash_dir, data, err)
            raise

    corpus = Path(tempfile.mkdtemp(prefix="orgmodel-fuzz-corpus-"))
    for i, seed in enumerate(_seeds()):
        (corpus / f"seed-{i}").write_bytes(seed)
    flags = [sys.argv[0], str(corpus), f"-artifact_prefix={args.crash_dir}/"]
    args.crash_dir.mkdir(parents=True, exist_ok=True)
    if args.iterations is not None:
        flags.append(f"-runs={args.iterations}")
    if args.seconds:
        flags.append(f"-max_total_time={int(args.seconds)}")
    atheris.Setup(flags, one_input)
    atheris.Fuzz()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the options and run the chosen engine."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=None, help="stop after N inputs")
    parser.add_argument("--seconds", type=float, default=None, help="stop after S seconds")
    parser.add_argument("--engine", choices=["atheris", "random", "writers"], default=None)
    parser.add_argument("--seed", type=int, default=0, help="seed of the random engine")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input")
    parser.add_argument("--crash-dir", type=Path, default=Path("fuzz-crashes"))
    args = parser.parse_args(argv)
    if args.iterations is None and args.seconds is None:
        args.seconds = 60.0
    signal.signal(signal.SIGALRM, _on_alarm)
    engine = args.engine
    if engine is None:
        try:
            import atheris  # noqa: F401, PLC0415
        except ImportError:
            engine = "random"
        else:
            engine = "atheris"
    if engine == "writers":
        return _run_writers(args)
    return _run_atheris(args) if engine == "atheris" else _run_random(args)


if __name__ == "__main__":
    sys.exit(main())
