"""The `husly` command forms other tools rely on, and its one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from handlers.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_prints_the_answer_and_a_summary(capsys) -> None:
    code, out, _ = run(capsys, "ask", "hvordan søger jeg boligstøtte")
    assert code == 0
    assert "topic=boligstoette" in out and "Kilde" in out


def test_ask_json_has_the_documented_fields(capsys) -> None:
    code, out, _ = run(capsys, "ask", "billig lejlighed i kbh", "--json")
    data = json.loads(out)
    assert code == 0
    assert {"topic", "confidence", "suggestions", "urgency", "lang", "municipality", "answer"} <= set(data)
    assert data["municipality"] == "koebenhavn"
    assert 0 <= data["confidence"] <= 1 and "<b>" not in data["answer"]


def test_ask_respects_lang_and_municipality(capsys) -> None:
    _, out, _ = run(capsys, "ask", "boligstøtte", "--lang", "en", "--municipality", "aarhus", "--json")
    data = json.loads(out)
    assert data["lang"] == "en" and data["municipality"] == "aarhus"
    assert "Source" in data["answer"]


def test_ask_jsonl_answers_every_line_in_order(capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("hvordan søger jeg boligstøtte\n\nI want to kill myself\n"))
    code, out, _ = run(capsys, "ask", "--jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 3
    assert lines[0]["topic"] == "boligstoette"
    assert lines[1]["topic"] is None and lines[1]["answer"] == "" and lines[1]["answered"] is False
    assert lines[1].keys() == lines[0].keys()  # an empty line has every field a question has
    assert lines[2]["urgency"] == "emergency" and lines[2]["topic"] == "selvmordstanker"
    assert lines[2]["answer"].lstrip().startswith("If you are in danger")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask"], "give either TEXT or --jsonl"),
        (["ask", "x", "--lang", "fr"], "Invalid value for '--lang'"),
        (["ask", "x", "--municipality", "odense"], "Invalid value for '--municipality'"),
        (["ask", "x", "--municipality", "ikke aarhus"], "Invalid value for '--municipality'"),
        (["ask", "  "], "the question is empty"),
        (["nope"], "No such command 'nope'"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(capsys, args: list[str], message: str) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.startswith("husly: error:") and message in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("args", "shown"), [
    ([], ["Usage: husly [OPTIONS] COMMAND", "ask", "chat", "listings", "run"]),
    (["kb"], ["Usage: husly kb [OPTIONS] COMMAND", "check", "dump"]),
])
def test_a_group_alone_prints_its_help(capsys, args: list[str], shown: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert all(text in out for text in shown)


def test_a_missing_municipality_lists_every_choice_on_one_line(capsys) -> None:
    from knowledge.schema import MUNICIPALITIES

    code, _, err = run(capsys, "team", "set")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "Missing option '--municipality'" in err and all(slug in err for slug in MUNICIPALITIES)


@pytest.mark.parametrize(("given", "slug"), [
    ("Aarhus", "aarhus"), ("AARHUS", "aarhus"), ("København", "koebenhavn"), ("kbh", "koebenhavn"),
    ("Høje-Taastrup", "hoeje-taastrup"), ("hoeje-taastrup", "hoeje-taastrup"), ("Randers Kommune", "randers"),
])
def test_municipality_options_take_names_as_well_as_slugs(capsys, given: str, slug: str) -> None:
    code, out, err = run(capsys, "ask", "boligstøtte", "--municipality", given, "--json")
    assert code == 0, err
    assert json.loads(out)["municipality"] == slug


def test_run_without_a_token_says_how_to_get_one(capsys) -> None:
    code, _, err = run(capsys, "run")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "HUSLY_TELEGRAM_TOKEN" in err and "@BotFather" in err


def test_a_housing_search_shows_the_listings_as_the_chat_does(capsys, tmp_path: Path) -> None:
    run(capsys, "listings", "demo", "--quiet")
    code, out, _ = run(capsys, "ask", "ledige værelser i aarhus under 4000")
    assert code == 0
    assert "Boliger, der passer: 2" in out and "Aarhus" in out and "DEMO" in out and "kind=listings" in out
    code, out, _ = run(capsys, "ask", "room in aarhus under 1000", "--json")
    data = json.loads(out)
    assert data["kind"] == "listings" and data["municipality"] == "aarhus" and "No homes fit" in data["answer"]


def test_a_question_is_answered_without_opening_the_database(capsys, tmp_path: Path) -> None:
    code, _, _ = run(capsys, "ask", "hvordan søger jeg boligstøtte")
    assert code == 0 and not (tmp_path / "data" / "husly.sqlite3").exists()


def test_ask_reads_the_knowledge_base_once(tmp_path: Path) -> None:
    # In a fresh process (nothing cached in memory): the triage model trains from the same knowledge base.
    code = ("import knowledge.loader as loader\n"
            "calls = []\n"
            "real = loader.load\n"
            "loader.load = lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs)\n"
            "from handlers.cli import main\n"
            "try:\n"
            "    main(['ask', 'hvad er boligstøtte', '--json'])\n"
            "finally:\n"
            "    import sys; print('loads', len(calls), file=sys.stderr)\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HUSLY_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["topic"] == "boligstoette" and done.stderr.split() == ["loads", "1"]


def test_kb_check_lists_problems_and_fails(capsys, tmp_path: Path) -> None:
    (tmp_path / "topics").mkdir()
    (tmp_path / "services").mkdir()
    (tmp_path / "topics" / "x.yaml").write_text("id: x\nfoo: bar\n")
    code, out, err = run(capsys, "kb", "check", "--path", str(tmp_path))
    assert code == 1
    assert "x.yaml: foo: Extra inputs are not permitted" in out
    assert "problem(s) found" in err


def test_kb_check_passes_on_the_bundled_base(capsys) -> None:
    code, out, _ = run(capsys, "kb", "check")
    assert code == 0 and out.startswith("ok: ")


def test_kb_dump_is_one_json_object(capsys) -> None:
    code, out, _ = run(capsys, "kb", "dump")
    data = json.loads(out)
    assert code == 0
    topic = next(t for t in data["topics"] if t["id"] == "boligstoette")
    assert {"da", "en"} <= set(topic["title"]) and topic["sources"][0]["url"].startswith("http")
    assert topic["examples"]["da"] and len(topic["last_reviewed"]) == 10
    service = next(s for s in data["services"] if s["id"] == "livslinien")
    assert service["phone"] and service["sources"] and service["last_reviewed"]


def test_broken_knowledge_base_is_one_line(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HUSLY_KNOWLEDGE_DIR", str(tmp_path))
    code, _, err = run(capsys, "ask", "hej")
    assert code == 1 and "knowledge base has" in err and "Traceback" not in err


def test_bad_setting_is_one_line(capsys, monkeypatch) -> None:
    monkeypatch.setenv("HUSLY_CONFIDENCE_THRESHOLD", "lots")
    code, _, err = run(capsys, "ask", "hej")
    assert code == 2 and "HUSLY_CONFIDENCE_THRESHOLD" in err


CHAT_COMMAND = [sys.executable, "-c", "from handlers.cli import main; main()", "chat"]


def test_unreachable_database_is_one_line_without_traceback(tmp_path: Path) -> None:
    env = {"HUSLY_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none", "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    done = subprocess.run(CHAT_COMMAND, env=env, capture_output=True, text=True,
                          input="", timeout=60, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 1
    assert done.stderr.strip().startswith("husly: error: cannot reach the database")
    assert "Traceback" not in done.stderr and "nobody" in done.stderr


def test_console_chat_answers_on_a_fresh_machine(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(CHAT_COMMAND, env=env, capture_output=True, text=True,
                          input="hvordan søger jeg boligstøtte\n1\n/quit\n", timeout=60,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert "Hej, jeg er Husly" in done.stdout and "Kilde" in done.stdout
    assert (tmp_path / ".local" / "share" / "husly" / "husly.sqlite3").exists()
