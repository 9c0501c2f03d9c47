"""Import .apkg files into a fresh Anki collection, in order, the way Anki itself does.

    pip install anki        # Anki's own library; not a pmquiz dependency
    python tools/anki_import_check.py old.apkg new.apkg

For each file: how many notes Anki added, updated or took as duplicates, then the decks and
the note count of the collection. Importing a newer export of the same banks should update
notes and add none. Run by hand; not part of the test suite.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main(files: list[str]) -> None:
    from anki import import_export_pb2 as pb
    from anki.collection import Collection

    with tempfile.TemporaryDirectory() as folder:
        col = Collection(str(Path(folder) / "collection.anki2"))
        try:
            for name in files:
                request = pb.ImportAnkiPackageRequest(
                    package_path=str(Path(name).resolve()),
                    options=pb.ImportAnkiPackageOptions(
                        update_notes=pb.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
                        update_notetypes=pb.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
                        with_scheduling=False))
                log = col.import_anki_package(request).log
                print(f"{name}: new {len(log.new)}, updated {len(log.updated)}, "
                      f"duplicate {len(log.duplicate)}, conflicting {len(log.conflicting)}, "
                      f"missing notetype {len(log.missing_notetype)}")
                decks = sorted(d.name for d in col.decks.all_names_and_ids())
                print(f"  collection: {col.note_count()} notes; decks: {', '.join(decks)}")
                models = sorted(m["name"] for m in col.models.all())
                print(f"  note types: {', '.join(models)}")
        finally:
            col.close()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
