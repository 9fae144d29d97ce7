"""Batch export: every good design exported, every bad one reported, whatever happens to workers."""

from __future__ import annotations

import os
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from roledesigner.documents import export as export_module
from roledesigner.documents.export import CANCELLED, existing_targets, export_design, export_many, unique_targets
from roledesigner.documents.jobs import UNREVIEWED_MARK, ExportJob, ExportStatus
from roledesigner.documents.sample import sample_design
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Status
from roledesigner.files.designfile import load_design, save_design
from roledesigner.files.settingscheck import MAX_LOGO_BYTES
from roledesigner.library.catalogue import Library
from roledesigner.review import review
from tests.files.test_hostile_designs import lock_folder
from tests.support.docxread import independent_text, open_docx
from tests.support.pdftext import pdf_text


def _jobs(tmp_path: Path, library: Library, count: int, broken: set[int]) -> list[ExportJob]:
    good = tmp_path / "good.roledesign"
    save_design(sample_design(library), good)
    jobs = []
    for i in range(count):
        source = good
        if i in broken:
            source = tmp_path / f"broken{i}.roledesign"
            source.write_text('{"schema_version": 1}', encoding="utf-8")
        jobs.append(ExportJob(source, tmp_path / f"out{i}.docx"))
    return jobs


def test_fifty_designs_with_two_broken_on_two_processes(tmp_path: Path, library: Library) -> None:
    jobs = _jobs(tmp_path, library, 50, broken={7, 31})
    seen: list[int] = []
    results = export_many(jobs, workers=2, progress=lambda done, total, _r: seen.append(done))
    assert [r.job for r in results] == jobs, "results come back in job order"
    assert [i for i, r in enumerate(results) if not r.ok] == [7, 31]
    assert "title is required" in results[7].message and "broken7.roledesign" in results[7].message
    assert len(list(tmp_path.glob("out*.docx"))) == 48
    assert seen == list(range(1, 51))
    assert "Person specification" in independent_text((tmp_path / "out0.docx").read_bytes())


class _BrokenPool:
    """Stands in for a process pool whose worker died: every future fails as a broken pool."""

    def __init__(self, *_args: Any, **_kwargs: Any) -> None:
        pass

    def __enter__(self) -> _BrokenPool:
        return self

    def __exit__(self, *_args: object) -> None:
        pass

    def submit(self, *_args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future


def test_a_dead_worker_costs_only_a_retry_here(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "ProcessPoolExecutor", _BrokenPool)
    jobs = _jobs(tmp_path, library, 6, broken=set())
    results = export_many(jobs, workers=2)
    assert all(r.ok for r in results)
    assert len(list(tmp_path.glob("out*.docx"))) == 6


def test_cancelling_starts_no_further_job(tmp_path: Path, library: Library) -> None:
    jobs = _jobs(tmp_path, library, 8, broken=set())
    seen: list[int] = []
    results = export_many(
        jobs, workers=1, progress=lambda done, _total, _r: seen.append(done), should_stop=lambda: len(seen) >= 3
    )
    assert [r.job for r in results] == jobs
    assert [r.ok for r in results] == [True] * 3 + [False] * 5
    assert all(r.message == CANCELLED == "Not exported: the export was cancelled." for r in results[3:])
    assert seen == [1, 2, 3], "cancelled jobs are not reported as progress"
    assert sorted(p.name for p in tmp_path.glob("out*")) == ["out0.docx", "out1.docx", "out2.docx"]


def test_cancelling_with_workers_lets_running_jobs_finish(tmp_path: Path, library: Library) -> None:
    jobs = _jobs(tmp_path, library, 30, broken=set())
    seen: list[int] = []
    results = export_many(
        jobs, workers=2, progress=lambda done, _total, _r: seen.append(done), should_stop=lambda: len(seen) >= 2
    )
    assert [r.job for r in results] == jobs
    exported = [r for r in results if r.ok]
    assert 2 <= len(exported) < 30
    assert all(r.status is ExportStatus.CANCELLED for r in results if not r.ok)
    assert sorted(tmp_path.glob("out*")) == sorted(r.job.target for r in exported), "no partial or temporary file"
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_stop_asked_before_the_start_exports_nothing(tmp_path: Path, library: Library) -> None:
    jobs = _jobs(tmp_path, library, 3, broken=set())
    for workers in (1, 2):
        results = export_many(jobs, workers=workers, should_stop=lambda: True)
        assert [r.message for r in results] == [CANCELLED] * 3
    assert not list(tmp_path.glob("out*"))


def test_unique_targets_numbers_the_second_of_two_same_names() -> None:
    out = Path("out")
    jobs = [
        ExportJob(Path("a/role.roledesign"), out / "role.docx"),
        ExportJob(Path("b/role.roledesign"), out / "role.docx"),
        ExportJob(Path("c/Role.roledesign"), out / "Role.docx"),
        ExportJob(Path("d/role (2).roledesign"), out / "role (2).docx"),
        ExportJob(Path("e/other.roledesign"), out / "other.docx"),
        ExportJob(Path("f/role.roledesign"), Path("elsewhere") / "role.docx"),
    ]
    targets = [job.target for job in unique_targets(jobs)]
    assert targets == [
        out / "role.docx",
        out / "role (3).docx",  # "role (2).docx" is what the fourth design is called
        out / "Role (4).docx",  # Windows and macOS would see the same name as role.docx
        out / "role (2).docx",
        out / "other.docx",
        Path("elsewhere") / "role.docx",
    ]
    assert [job.source for job in unique_targets(jobs)] == [job.source for job in jobs]
    assert unique_targets([]) == []


def test_unique_targets_can_keep_files_already_on_disk(tmp_path: Path) -> None:
    (tmp_path / "role.docx").write_bytes(b"earlier")
    (tmp_path / "role (2).docx").write_bytes(b"earlier too")
    jobs = [ExportJob(Path("a/role.roledesign"), tmp_path / "role.docx")]
    assert existing_targets(jobs) == [tmp_path / "role.docx"]
    assert [job.target for job in unique_targets(jobs)] == [tmp_path / "role.docx"]
    kept = [job.target for job in unique_targets(jobs, keep_existing=True)]
    assert kept == [tmp_path / "role (3).docx"]
    assert existing_targets([ExportJob(Path("b/new.roledesign"), tmp_path / "new.docx")]) == []


# --- hostile designs and logos in a batch ------------------------------------------------------

needs_fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and /dev as Linux and macOS have them")


def _hostile(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.roledesign"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_design_nested_too_deep_or_with_a_huge_number_fails_alone(tmp_path: Path, library: Library) -> None:
    """Their RecursionError and ValueError escaped export_one, and export_many lost every result."""
    jobs = _jobs(tmp_path, library, 4, broken=set())
    deep = _hostile(tmp_path, "deep", '{"schema_version": 2, "title": "x", "a": ' + "[" * 100_000 + "}")
    huge = _hostile(tmp_path, "huge", '{"schema_version": 2, "title": "x", "version": ' + "9" * 5000 + "}")
    jobs[1] = ExportJob(deep, tmp_path / "deep.docx")
    jobs[2] = ExportJob(huge, tmp_path / "huge.docx")
    for workers in (1, 2):
        results = export_many(jobs, workers=workers)
        assert [r.status for r in results] == [ExportStatus.EXPORTED, ExportStatus.FAILED, ExportStatus.FAILED,
                                               ExportStatus.EXPORTED]  # fmt: skip
        assert str(deep) in results[1].message and "nested" in results[1].message
        assert str(huge) in results[2].message and "digits long" in results[2].message
        assert "internal fault" not in results[1].message + results[2].message


def test_any_fault_reading_one_design_is_that_files_result(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever escapes the reader (a fault not yet thought of) is one result, not the end of the batch."""
    jobs = _jobs(tmp_path, library, 3, broken=set())
    jobs[1] = ExportJob(tmp_path / "odd.roledesign", tmp_path / "odd.docx")
    real_load = load_design

    def load(path: Path) -> Any:
        if path.name == "odd.roledesign":
            raise MemoryError("simulated")
        return real_load(path)

    monkeypatch.setattr(export_module, "load_design", load)
    results = export_many(jobs, workers=1)
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].message.startswith(f"Could not export {tmp_path / 'odd.roledesign'}: an internal fault")


def test_a_design_in_a_folder_the_user_cannot_open_fails_alone(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated, as the tests run as root: the system refuses to open or look at anything in the folder."""
    jobs = _jobs(tmp_path, library, 3, broken=set())
    locked = tmp_path / "locked"
    locked.mkdir()
    save_design(sample_design(library), locked / "role.roledesign")
    jobs[0] = ExportJob(locked / "role.roledesign", tmp_path / "locked.docx")
    lock_folder(monkeypatch, locked)
    results = export_many(jobs, workers=1)
    assert [r.ok for r in results] == [False, True, True]
    assert results[0].message == f"{locked / 'role.roledesign'} cannot be read: permission denied."


@needs_fifos
def test_a_design_that_is_a_pipe_fails_alone_without_waiting(tmp_path: Path, library: Library) -> None:
    jobs = _jobs(tmp_path, library, 3, broken=set())
    pipe = tmp_path / "pipe.roledesign"
    os.mkfifo(pipe)
    jobs[2] = ExportJob(pipe, tmp_path / "pipe.docx")
    results = export_many(jobs, workers=2)
    assert [r.ok for r in results] == [True, True, False]
    assert "not an ordinary file" in results[2].message


@needs_fifos
def test_a_logo_that_is_dev_zero_is_a_warning_not_an_endless_read(tmp_path: Path, library: Library) -> None:
    """The logo was read with read_bytes(), which never ends on /dev/zero."""
    logo = tmp_path / "logo.png"
    logo.symlink_to("/dev/zero")
    job = ExportJob(tmp_path / "unused.roledesign", tmp_path / "out.docx", logo=logo)
    result = export_design(sample_design(library), job, library)
    assert result.ok
    assert result.warnings == [
        f"The logo {logo} could not be read (it is not an ordinary file (a device, a pipe or a socket, for example)), "
        "so the document has no logo."
    ]


def test_a_logo_over_the_limit_is_left_out_with_a_warning(tmp_path: Path, library: Library) -> None:
    logo = tmp_path / "logo.png"
    with logo.open("wb") as stream:
        stream.write(b"\x89PNG\r\n\x1a\n")
        stream.truncate(MAX_LOGO_BYTES + 1)
    job = ExportJob(tmp_path / "unused.roledesign", tmp_path / "out.docx", logo=logo)
    result = export_design(sample_design(library), job, library)
    assert result.ok
    assert result.warnings == [f"The logo {logo} is larger than the 5 MB allowed, so the document has no logo."]
    assert (tmp_path / "out.docx").stat().st_size < MAX_LOGO_BYTES


@pytest.mark.skipif(os.name != "posix", reason="links as Linux and macOS users make them")
def test_an_export_never_writes_through_a_link_planted_at_its_name(tmp_path: Path, library: Library) -> None:
    """`role.docx` beside `role.roledesign` on a share could lead to any file of the user's, which export replaced."""
    victim = tmp_path / "home" / ".profile"
    victim.parent.mkdir()
    victim.write_text("the user's own file", encoding="utf-8")
    share = tmp_path / "share"
    share.mkdir()
    save_design(sample_design(library), share / "role.roledesign")
    (share / "role.docx").symlink_to(victim)
    (result,) = export_many([ExportJob(share / "role.roledesign", share / "role.docx")], workers=1)
    assert result.ok
    assert victim.read_text(encoding="utf-8") == "the user's own file"
    assert not (share / "role.docx").is_symlink()
    assert "Person specification" in independent_text((share / "role.docx").read_bytes())


# --- export knows the review (issue 18) and any job's names are kept apart (issue 15) -------------


def _one_partner_joint_post(library: Library) -> RoleDesign:
    """The sample joint post with one partner left: the review's error joint.too_few_partners."""
    design = sample_design(library)
    assert design.joint is not None
    return design.model_copy(update={"joint": design.joint.model_copy(update={"partners": design.joint.partners[:1]})})


def _header(path: Path) -> str:
    document = open_docx(path.read_bytes())
    return " ".join(p.text for section in document.sections for p in section.header.paragraphs)


@pytest.mark.parametrize("show_draft", [True, False])
def test_an_unreviewed_export_says_so_in_its_header(tmp_path: Path, library: Library, show_draft: bool) -> None:
    design = sample_design(library).model_copy(update={"status": Status.APPROVED})
    job = ExportJob(tmp_path / "post.roledesign", tmp_path / "post.docx", show_draft=show_draft)
    assert export_design(design, job, library).ok
    assert _header(job.target).strip() == ""  # approved: no draft mark
    marked = replace(job, unreviewed=True)
    assert export_design(design, marked, library).ok
    assert _header(job.target).strip() == UNREVIEWED_MARK == "Draft: not yet reviewed"
    assert open_docx(job.target.read_bytes()).core_properties.content_status == UNREVIEWED_MARK
    pdf = replace(marked, target=tmp_path / "post.pdf", format="pdf")
    assert export_design(design, pdf, library).ok
    assert UNREVIEWED_MARK in pdf_text(pdf.target.read_bytes(), tmp_path)


@pytest.mark.parametrize(("status", "mark"), [(Status.DRAFT, "Draft"), (Status.APPROVED, UNREVIEWED_MARK)])
def test_the_pdfs_mark_is_on_every_page_once_as_in_word(
    tmp_path: Path, library: Library, status: Status, mark: str
) -> None:
    design = sample_design(library).model_copy(update={"status": status})
    job = ExportJob(
        tmp_path / "post.roledesign", tmp_path / "post.pdf", format="pdf", unreviewed=status is Status.APPROVED
    )
    assert export_design(design, job, library).ok
    pages = [page for page in pdf_text(job.target.read_bytes(), tmp_path).split("\f") if page.strip()]
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines()]
        assert lines.count(mark) == 1, f"page {number} has the mark {lines.count(mark)} times"


def test_a_batch_reviews_each_design_and_marks_only_those_with_errors(tmp_path: Path, library: Library) -> None:
    save_design(_one_partner_joint_post(library), tmp_path / "faulty.roledesign")
    save_design(sample_design(library), tmp_path / "clean.roledesign")
    jobs = [ExportJob(tmp_path / f"{name}.roledesign", tmp_path / f"{name}.docx") for name in ("faulty", "clean")]
    for workers in (1, 2):
        faulty, clean = export_many(jobs, workers=workers, check=review)
        assert faulty.ok and clean.ok
        assert "joint.too_few_partners" in [f.code for f in faulty.review_errors]
        assert clean.review_errors == []
        assert UNREVIEWED_MARK in _header(tmp_path / "faulty.docx")
        assert UNREVIEWED_MARK not in _header(tmp_path / "clean.docx")
    assert export_many(jobs[:1], workers=1)[0].review_errors == [], "no check, no review"


def test_unique_targets_keeps_pack_jobs_apart_too(tmp_path: Path) -> None:
    from roledesigner.documents.packs.packexport import PackJob

    jobs = [
        PackJob(Path(f"{n}/post.roledesign"), tmp_path / "post interview pack.docx", "interview", "docx") for n in "ab"
    ]
    unique = unique_targets(jobs)
    assert [job.target.name for job in unique] == ["post interview pack.docx", "post interview pack (2).docx"]
    assert all(isinstance(job, PackJob) and job.document == "interview" for job in unique)
    (tmp_path / "post interview pack.docx").write_bytes(b"earlier")
    assert existing_targets(jobs) == [tmp_path / "post interview pack.docx"] * 2
