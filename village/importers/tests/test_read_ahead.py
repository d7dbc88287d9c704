"""Reading a dump ahead of the import, in a thread of its own: the same rows in the same
batches, prepared, and a reading error raised where the import can see it."""

import threading
import time

import pytest

from village.importers.stackexchange.dump import ReadAhead, read_batches


def dump_file(folder, name: str, rows: int):
    path = folder / name
    lines = "".join(f'  <row Id="{n}" Text="row {n} of {name}" />\n' for n in range(1, rows + 1))
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<rows>\n{lines}</rows>\n')
    return path


def shout(row: dict) -> None:
    row["(text)"] = row["Text"].upper()


def test_files_come_in_the_same_batches_as_read_here_and_prepared(tmp_path):
    first, second = dump_file(tmp_path, "Users.xml", 25), dump_file(tmp_path, "Posts.xml", 7)
    reader = ReadAhead([(first, shout), (second, None)], batch_size=10)
    try:
        ahead = [[batch for batch, _ in reader.batches(first)], list(reader.batches(second))]
    finally:
        reader.close()
    here = [[batch for batch, _ in read_batches(first, 10, shout)], list(read_batches(second, 7))]
    assert [len(b) for b in ahead[0]] == [10, 10, 5]
    assert ahead[0] == here[0]
    assert ahead[0][2][-1]["(text)"] == "ROW 25 OF USERS.XML"
    assert [batch for batch, _ in ahead[1]] == [batch for batch, _ in here[1]]
    assert "(text)" not in ahead[1][0][0][0]
    assert ahead[1][-1][1] == second.stat().st_size  # how far reading got, for the bar


def test_a_broken_file_raises_in_the_importing_thread(tmp_path):
    good = dump_file(tmp_path, "Users.xml", 3)
    broken = tmp_path / "Posts.xml"
    broken.write_text('<rows>\n  <row Id="1" Body="fine" />\n  <row Id="2" Body="no end\n')
    reader = ReadAhead([(good, None), (broken, None)], batch_size=10)
    try:
        assert len(list(reader.batches(good))) == 1
        with pytest.raises(Exception, match="(?i)not well-formed|unclosed|no element|token"):
            list(reader.batches(broken))
    finally:
        reader.close()


def test_files_asked_for_out_of_order_are_an_error(tmp_path):
    first, second = dump_file(tmp_path, "Users.xml", 3), dump_file(tmp_path, "Posts.xml", 3)
    reader = ReadAhead([(first, None), (second, None)], batch_size=10)
    try:
        with pytest.raises(RuntimeError, match="Users.xml ahead, but .*Posts.xml"):
            list(reader.batches(second))
    finally:
        reader.close()


def test_stopping_part_way_ends_the_reader_with_little_held(tmp_path):
    big = dump_file(tmp_path, "Votes.xml", 5000)
    reader = ReadAhead([(big, None)], batch_size=10, ahead=3)
    next(reader.batches(big))
    time.sleep(0.2)  # the reader fills its few places and waits
    assert reader._waiting.qsize() <= 3
    started = time.perf_counter()
    reader.close()
    assert time.perf_counter() - started < 2
    assert not any(t.name == "dump-reader" and t.is_alive() for t in threading.enumerate())
