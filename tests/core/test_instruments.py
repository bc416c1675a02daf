"""Psychosocial instrument definitions (issue #15) and their scoring. Every expected value below
is worked out by hand from the definition files, never by the code under test."""
import json

import pytest

from barnahus_app import paths
from barnahus_app.errors import ValidationError
from barnahus_app.forms import forms_dir
from barnahus_app.psychosocial import instruments
from barnahus_app.psychosocial.instruments import InstrumentError, get, score


def shipped_json(name):
    return json.loads((forms_dir() / "instruments" / name).read_text(encoding="utf-8"))


def answers(n, **given):
    """Items s1..sn answered 0, with the given ones changed (s3=2); None marks a missing item."""
    out = {f"s{i}": 0 for i in range(1, n + 1)}
    out.update(given)
    return {k: v for k, v in out.items() if v is not None}


def threes(n, upto):
    return {f"s{i}": 3 for i in range(1, upto + 1)}


# --- the shipped definitions -------------------------------------------------------------------

def test_the_shipped_definitions():
    found = instruments.definitions()
    assert set(found) == {("CATS-7-17", 1), ("CATS-3-6", 1), ("SDQ-P", 1), ("UCLA-PTSD-RI-5", 1)}
    cats = found[("CATS-7-17", 1)]
    assert (cats.licence, cats.respondents, cats.min_age, cats.max_age) == ("bundled", ("child", "carer"), 7, 17)
    assert (len(cats.items), cats.answers, cats.screen_scale, cats.cutoff) == (20, (0, 3), "total", 21.0)
    assert (cats.scale("total").min, cats.scale("total").max) == (0, 60)
    young = found[("CATS-3-6", 1)]
    assert (young.respondents, len(young.items), young.scale("total").max, young.cutoff) == (("carer",), 16, 48, 15.0)
    for code in ("SDQ-P", "UCLA-PTSD-RI-5"):
        assert found[(code, 1)].licence == "scores_only" and found[(code, 1)].items == ()
        assert "scores only" in found[(code, 1)].source  # the licence is cited with the source
    sdq = found[("SDQ-P", 1)]
    assert [(s.code, s.min, s.max) for s in sdq.scales] == [
        ("total", 0, 40), ("emotional", 0, 10), ("conduct", 0, 10), ("hyperactivity", 0, 10), ("peer", 0, 10),
        ("prosocial", 0, 10)]
    assert found[("UCLA-PTSD-RI-5", 1)].cutoff == 35.0


def test_shipped_texts_in_english_and_swedish():
    for inst in instruments.definitions().values():
        assert inst.text("sv") and inst.text("sv") != inst.text("en") == inst.name
        for thing in (*inst.items, *inst.scales, *(b for s in inst.scales for b in s.bands)):
            assert thing.text("en") and thing.sv, thing
    cats = get("CATS-7-17")
    assert (cats.items[1].label, cats.items[1].text("sv")) == ("Bad dreams", "Mardrömmar")
    assert cats.scale("total").bands[2].text("sv") == "Trolig PTSD"


def test_shipped_definitions_are_parsed_once_and_kept_by_code_and_version():
    assert get("CATS-7-17") is get("CATS-7-17", 1) is instruments.definitions()[("CATS-7-17", 1)]
    with pytest.raises(ValidationError, match="No instrument CATS-7-17 version 9"):
        get("CATS-7-17", 9)
    with pytest.raises(ValidationError, match="No instrument TSCC"):
        get("TSCC")
    with pytest.raises(ValidationError, match="has no scale 'totl'"):
        get("SDQ-P").scale("totl")


# --- CATS 7-17 ---------------------------------------------------------------------------------

def test_cats_7_17_all_zeros_and_all_max():
    cats = get("CATS-7-17")
    zero = score(cats, answers=answers(20))
    assert zero.values == {"total": 0, "intrusion": 0, "avoidance": 0, "cognition_mood": 0, "arousal": 0}
    assert (zero.bands["total"], zero.screen_value, zero.at_or_above_cutoff, zero.missing_items) == (
        "below", 0, False, ())
    top = score(cats, answers=threes(20, 20))
    assert top.values == {"total": 60, "intrusion": 15, "avoidance": 6, "cognition_mood": 21, "arousal": 18}
    assert (top.bands["total"], top.at_or_above_cutoff) == ("probable_ptsd", True)
    assert top.bands["intrusion"] is None  # the clusters have no bands


@pytest.mark.parametrize("given, total, band, screen", [
    ({"s1": 3, "s2": 3, "s3": 3, "s4": 3, "s5": 2}, 14, "below", False),
    (threes(20, 5), 15, "moderate", False),
    ({**threes(20, 6), "s7": 2}, 20, "moderate", False),
    (threes(20, 7), 21, "probable_ptsd", True),       # exactly at the cut-off
])
def test_cats_7_17_band_edges_and_cut_off(given, total, band, screen):
    result = score(get("CATS-7-17"), answers=answers(20, **given))
    assert (result.values["total"], result.bands["total"], result.at_or_above_cutoff) == (total, band, screen)


def test_cats_7_17_clusters_follow_the_item_order():
    # s1-s5 intrusion, s6-s7 avoidance, s8-s14 negative cognitions and mood, s15-s20 arousal
    result = score(get("CATS-7-17"), answers=answers(20, s5=1, s6=2, s14=3, s15=1, s20=2))
    assert result.values == {"total": 9, "intrusion": 1, "avoidance": 2, "cognition_mood": 3, "arousal": 3}


def test_cats_7_17_prorates_up_to_two_missing_items():
    # 18 answered items of 1: total 18 x 20 / 18 = 20; arousal 4 x 6 / 4 = 6
    result = score(get("CATS-7-17"), answers={f"s{i}": 1 for i in range(1, 19)})
    assert result.values["total"] == 20 and result.values["arousal"] == 6
    assert result.missing_items == ("s19", "s20") and result.bands["total"] == "moderate"
    # one missing: total 21 x 20 / 19 = 22.1 -> 22
    result = score(get("CATS-7-17"), answers=answers(20, s20=None, **threes(20, 7)))
    assert result.values["total"] == 22 and result.at_or_above_cutoff
    # intrusion s1 missing, s2 = 2: 2 x 5 / 4 = 2.5 -> 3 (half up); total 2 x 20 / 19 = 2.1 -> 2
    result = score(get("CATS-7-17"), answers=answers(20, s1=None, s2=2))
    assert (result.values["intrusion"], result.values["total"]) == (3, 2)
    # None is missing too
    assert score(get("CATS-7-17"), answers=answers(20, s3=None)).missing_items == ("s3",)


def test_cats_7_17_refuses_a_third_missing_item():
    with pytest.raises(ValidationError, match="3 items of CATS-7-17 version 1 are unanswered; it is scored with "
                                              "at most 2 missing") as e:
        score(get("CATS-7-17"), answers=answers(20, s1=None, s2=None, s20=None))
    assert e.value.field == "answers"


@pytest.mark.parametrize("given, field, message", [
    ({"s4": 4}, "answers.s4", "item 4 must be 0-3, not 4"),
    ({"s4": -1}, "answers.s4", "item 4 must be 0-3, not -1"),
    ({"s4": 1.5}, "answers.s4", "must be a whole number"),
    ({"s4": True}, "answers.s4", "must be a whole number"),
    ({"s4": "2"}, "answers.s4", "must be a whole number"),
    ({"s21": 1}, "answers.s21", "has no item 's21'"),
])
def test_cats_answers_out_of_range_or_unknown(given, field, message):
    with pytest.raises(ValidationError, match=message) as e:
        score(get("CATS-7-17"), answers=answers(20, **given))
    assert e.value.field == field


def test_a_bundled_instrument_refuses_typed_scores():
    with pytest.raises(ValidationError, match="typed scores are not accepted") as e:
        score(get("CATS-7-17"), answers=answers(20), scores={"total": 30})
    assert e.value.field == "scores"
    with pytest.raises(ValidationError, match="needs the answers") as e:
        score(get("CATS-7-17"))
    assert e.value.field == "answers"


# --- CATS 3-6 ----------------------------------------------------------------------------------

def test_cats_3_6_zeros_max_and_cut_off():
    young = get("CATS-3-6")
    assert score(young, answers=answers(16)).values == {"total": 0, "intrusion": 0, "avoidance_mood": 0, "arousal": 0}
    top = score(young, answers=threes(16, 16))
    assert top.values == {"total": 48, "intrusion": 15, "avoidance_mood": 18, "arousal": 15}
    assert (top.bands["total"], top.at_or_above_cutoff) == ("probable_ptsd", True)
    cases = [({"s1": 3, "s2": 3, "s3": 3, "s4": 2}, 11, "below", False),
             ({"s1": 3, "s2": 3, "s3": 3, "s4": 3}, 12, "moderate", False),
             ({**threes(16, 4), "s5": 2}, 14, "moderate", False),
             (threes(16, 5), 15, "probable_ptsd", True)]
    for given, total, band, screen in cases:
        result = score(young, answers=answers(16, **given))
        assert (result.values["total"], result.bands["total"], result.at_or_above_cutoff) == (total, band, screen)


def test_cats_3_6_prorates_one_missing_item_and_refuses_two():
    # 15 answered items of 1: total 15 x 16 / 15 = 16; arousal (s12-s16) 4 x 5 / 4 = 5
    result = score(get("CATS-3-6"), answers={f"s{i}": 1 for i in range(1, 16)})
    assert (result.values["total"], result.values["arousal"], result.missing_items) == (16, 5, ("s16",))
    with pytest.raises(ValidationError, match="2 items of CATS-3-6 version 1 are unanswered"):
        score(get("CATS-3-6"), answers={f"s{i}": 1 for i in range(1, 15)})


def centre_cats_3_6(folder, cutoff=16):
    """A centre that follows the 16+ source for CATS 3-6: its own version 2."""
    data = shipped_json("cats-3-6.v1.json")
    data["version"] = 2
    data["cutoff"] = cutoff
    data["scales"][0]["bands"] = [{"code": "below", "label": {"en": "Below"}, "min": 0, "max": 15},
                                  {"code": "probable_ptsd", "label": {"en": "Probable PTSD"}, "min": 16, "max": 48}]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cats-3-6.v2.json").write_text(json.dumps(data), encoding="utf-8")


def test_a_centre_overrides_the_cats_3_6_cut_off_with_a_new_version(tmp_path):
    centre_cats_3_6(tmp_path)
    newest = get("CATS-3-6", centre_dir=tmp_path)
    assert (newest.version, newest.cutoff) == (2, 16.0)
    fifteen = answers(16, **threes(16, 5))
    assert (score(newest, answers=fifteen).at_or_above_cutoff, score(newest, answers=fifteen).bands["total"]) == (
        False, "below")
    # the 2026 administration scored by version 1 is still read by version 1
    old = get("CATS-3-6", 1, centre_dir=tmp_path)
    assert score(old, answers=fifteen).at_or_above_cutoff is True
    assert get("CATS-3-6").version == 1  # the shipped cache is untouched by a centre's files


def test_the_centre_folder_defaults_to_the_data_folder():
    centre_cats_3_6(paths.data_dir() / "instruments")
    assert get("CATS-3-6").version == 2
    assert ("CATS-3-6", 1) in instruments.definitions()


def test_reversed_items_in_a_centre_definition(tmp_path):
    (tmp_path / "rev.json").write_text(json.dumps({
        "code": "TEST-REV", "version": 1, "name": {"en": "Test"}, "licence": "bundled", "respondents": ["child"],
        "ages": {"min": 8, "max": 12}, "source": "Written for this test.", "answers": {"min": 0, "max": 4},
        "max_missing": 0,
        "items": [{"id": "a", "number": 1, "label": {"en": "Feels safe"}, "scales": ["total"], "reversed": True},
                  {"id": "b", "number": 2, "label": {"en": "Worries"}, "scales": ["total"]}],
        "scales": [{"code": "total", "name": {"en": "Total"}, "kind": "total", "min": 0, "max": 8,
                    "bands": [{"code": "low", "label": {"en": "Low"}, "min": 0, "max": 3},
                              {"code": "high", "label": {"en": "High"}, "min": 4, "max": 8}]}],
        "screen_scale": "total", "cutoff": 4}))
    rev = get("TEST-REV", centre_dir=tmp_path)
    assert rev.items[0].reversed and not rev.items[1].reversed
    assert rev.items[0].text("sv") == "Feels safe"  # no Swedish in the file: English
    # a = 0 counts 4 - 0 = 4; b = 0 counts 0
    assert score(rev, answers={"a": 0, "b": 0}).values["total"] == 4
    assert score(rev, answers={"a": 0, "b": 0}).at_or_above_cutoff
    # a = 4 counts 0; b = 1 counts 1
    assert (score(rev, answers={"a": 4, "b": 1}).values["total"], score(rev, answers={"a": 4, "b": 1}).bands["total"]
            ) == (1, "low")
    # a = 1 counts 3, b = 4: 7
    assert score(rev, answers={"a": 1, "b": 4}).values["total"] == 7
    with pytest.raises(ValidationError, match="1 items of TEST-REV version 1 are unanswered"):
        score(rev, answers={"a": 1})


# --- scores only ---------------------------------------------------------------------------------

def test_sdq_scores_bands_and_cut_off():
    sdq = get("SDQ-P")
    zero = score(sdq, scores={"total": 0, "emotional": 0, "conduct": 0, "hyperactivity": 0, "peer": 0, "prosocial": 0})
    assert zero.bands == {"total": "normal", "emotional": "normal", "conduct": "normal", "hyperactivity": "normal",
                          "peer": "normal", "prosocial": "abnormal"}  # few strengths is the concern
    assert not zero.at_or_above_cutoff and zero.missing_items == ()
    top = score(sdq, scores={"total": 40, "emotional": 10, "conduct": 10, "hyperactivity": 10, "peer": 10,
                             "prosocial": 10})
    assert top.bands["total"] == "abnormal" and top.bands["prosocial"] == "normal" and top.at_or_above_cutoff
    edges = [(13, "normal", False), (14, "borderline", False), (16, "borderline", False), (17, "abnormal", True)]
    for total, band, screen in edges:
        result = score(sdq, scores={"total": total})
        assert (result.screen_value, result.bands["total"], result.at_or_above_cutoff) == (total, band, screen)
        assert result.values["emotional"] is None and result.bands["emotional"] is None
    # subscale edges (parent report): emotional 4 borderline, 5 abnormal; conduct 3 / 4; hyperactivity 6 / 7;
    # peer 3 / 4; prosocial 5 borderline, 4 abnormal
    result = score(sdq, scores={"emotional": 4, "conduct": 3, "hyperactivity": 6, "peer": 3, "prosocial": 5})
    assert result.bands == {"total": "borderline", "emotional": "borderline", "conduct": "borderline",
                            "hyperactivity": "borderline", "peer": "borderline", "prosocial": "borderline"}
    assert result.values["total"] == 16  # 4 + 3 + 6 + 3: the prosocial score is not a difficulty
    result = score(sdq, scores={"emotional": 5, "conduct": 4, "hyperactivity": 7, "peer": 4, "prosocial": 4})
    assert set(result.bands.values()) == {"abnormal"} and result.values["total"] == 20


@pytest.mark.parametrize("typed, field, message", [
    ({"total": 41}, "scores.total", "Total difficulties must be 0-40, not 41"),
    ({"total": -1}, "scores.total", "must be 0-40, not -1"),
    ({"total": 10, "emotional": 11}, "scores.emotional", "Emotional symptoms must be 0-10, not 11"),
    ({"total": 16.5}, "scores.total", "must be a whole number"),
    ({"total": 10, "impact": 2}, "scores.impact", "has no scale 'impact'"),
    ({"emotional": 3}, "scores.total", "Total difficulties is needed"),
    ({"total": 18, "emotional": 5, "conduct": 4, "hyperactivity": 6, "peer": 2}, "scores.total",
     r"Total difficulties 18 is not the sum of .* \(17\)"),
])
def test_sdq_typed_scores_are_checked(typed, field, message):
    with pytest.raises(ValidationError, match=message) as e:
        score(get("SDQ-P"), scores=typed)
    assert e.value.field == field


def test_a_scores_only_instrument_refuses_answers():
    with pytest.raises(ValidationError, match="scores only") as e:
        score(get("SDQ-P"), answers={"s1": 1}, scores={"total": 3})
    assert e.value.field == "answers"
    with pytest.raises(ValidationError, match="needs the scores") as e:
        score(get("UCLA-PTSD-RI-5"))
    assert e.value.field == "scores"
    assert score(get("SDQ-P"), scores={"total": 16.0}).values["total"] == 16


def test_ucla_ptsd_ri_5_cut_off_35():
    ucla = get("UCLA-PTSD-RI-5")
    for total, band, screen in [(0, "below", False), (34, "below", False), (35, "probable_ptsd", True),
                                (80, "probable_ptsd", True)]:
        result = score(ucla, scores={"total": total})
        assert (result.bands["total"], result.at_or_above_cutoff) == (band, screen)
    result = score(ucla, scores={"intrusion": 12, "avoidance": 6, "cognition_mood": 10, "arousal": 8})
    assert (result.values["total"], result.at_or_above_cutoff) == (36, True)
    for typed, field in [({"total": 81}, "scores.total"), ({"total": 30, "avoidance": 9}, "scores.avoidance")]:
        with pytest.raises(ValidationError) as e:
            score(ucla, scores=typed)
        assert e.value.field == field


# --- bad definitions ------------------------------------------------------------------------------

def broken(tmp_path, change, name="cats-7-17.v1.json", file="mine.json"):
    data = shipped_json(name)
    data["version"] = 7
    change(data)
    (tmp_path / file).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InstrumentError) as e:
        instruments.definitions(tmp_path)
    assert isinstance(e.value, ValidationError)
    assert e.value.file == file and str(e.value.message).startswith(f"{file}: ")
    return e.value


def test_the_schema_uses_only_keywords_the_core_checks():
    schema = json.loads((forms_dir() / "instrument.schema.json").read_text(encoding="utf-8"))

    def keywords(node):
        for key, value in node.items():
            yield key
            if key in ("properties", "$defs"):
                for sub in value.values():
                    yield from keywords(sub)
            elif isinstance(value, dict):
                yield from keywords(value)
    assert set(keywords(schema)) <= instruments.SCHEMA_KEYWORDS


def test_a_missing_field_is_named(tmp_path):
    e = broken(tmp_path, lambda d: d.pop("cutoff"))
    assert (e.field, e.message) == ("cutoff", "mine.json: cutoff is missing.")
    e = broken(tmp_path, lambda d: d["scales"][0]["bands"][1].pop("max"))
    assert (e.field, e.message) == ("scales[0].bands[1].max", "mine.json: scales[0].bands[1].max is missing.")


def test_a_wrong_type_is_named(tmp_path):
    e = broken(tmp_path, lambda d: d.update(version="7"))
    assert (e.field, e.message) == ("version", 'mine.json: version must be an integer, not "7".')
    e = broken(tmp_path, lambda d: d["items"][2].update(number=3.5))
    assert e.field == "items[2].number" and "must be an integer" in e.message
    e = broken(tmp_path, lambda d: d.update(licence="free"))
    assert e.field == "licence" and '"bundled", "scores_only"' in e.message
    e = broken(tmp_path, lambda d: d.update(respondents=["teacher"]))
    assert e.field == "respondents[0]"
    e = broken(tmp_path, lambda d: d.update(items={"s1": 2}))
    assert (e.field, e.message) == ("items", 'mine.json: items must be an array, not {"s1": 2}.')
    e = broken(tmp_path, lambda d: d.update(scales=[]))
    assert (e.field, e.message) == ("scales", "mine.json: scales must not be empty.")
    e = broken(tmp_path, lambda d: d.update(colour="red"))
    assert (e.field, e.message) == ("colour", "mine.json: colour is not a known field.")


def test_an_item_in_an_unknown_scale_is_named(tmp_path):
    e = broken(tmp_path, lambda d: d["items"][0]["scales"].__setitem__(1, "intrusions"))
    assert (e.field, e.message) == (
        "items[0].scales[1]", "mine.json: item s1 counts towards scale 'intrusions', which is not in scales.")


def test_overlapping_or_gapped_bands_are_named(tmp_path):
    e = broken(tmp_path, lambda d: d["scales"][0]["bands"][1].update(min=14))
    assert (e.field, e.message) == (
        "scales[0].bands[1]", "mine.json: scale total: bands below (0-14) and moderate (14-20) overlap.")
    e = broken(tmp_path, lambda d: d["scales"][0]["bands"][1].update(min=16))
    assert e.field == "scales[0].bands[1]" and "no band covers 15-15" in e.message
    e = broken(tmp_path, lambda d: d["scales"][0]["bands"][2].update(max=59))
    assert e.field == "scales[0].bands" and "the bands cover 0-59, the scale is 0-60" in e.message


def test_a_duplicate_code_and_version_is_refused(tmp_path):
    e = broken(tmp_path, lambda d: d.update(version=1))
    assert (e.field, e.message) == ("version", "mine.json: CATS-7-17 version 1 is already defined by "
                                               "cats-7-17.v1.json; give this definition a new version.")
    (tmp_path / "mine.json").unlink()
    centre_cats_3_6(tmp_path)
    data = json.loads((tmp_path / "cats-3-6.v2.json").read_text())
    (tmp_path / "zz.json").write_text(json.dumps(data))
    with pytest.raises(InstrumentError, match="zz.json: CATS-3-6 version 2 is already defined by cats-3-6.v2.json"):
        instruments.definitions(tmp_path)


def test_rules_a_schema_cannot_say(tmp_path):
    e = broken(tmp_path, lambda d: d["scales"][1].update(max=14))
    assert e.field == "scales[1]" and "says 0-14, but its 5 items add up to 0-15" in e.message
    e = broken(tmp_path, lambda d: d.update(cutoff=61))
    assert e.field == "cutoff" and "outside scale total (0-60)" in e.message
    e = broken(tmp_path, lambda d: d.update(screen_scale="severity"))
    assert e.field == "screen_scale"
    e = broken(tmp_path, lambda d: d.pop("max_missing"))
    assert e.field == "max_missing" and "a bundled instrument" in e.message
    e = broken(tmp_path, lambda d: d["items"][1].update(id="s1"))
    assert e.field == "items[1]" and "item id 's1' appears twice" in e.message
    e = broken(tmp_path, lambda d: d.update(ages={"min": 12, "max": 7}))
    assert e.field == "ages"
    e = broken(tmp_path, lambda d: d.update(items=[{"id": "x1", "number": 1, "label": {"en": "Item"}, "scales": ["total"]}]),
               name="sdq-p.v1.json")
    assert e.field == "items" and "never holds its items" in e.message
    e = broken(tmp_path, lambda d: d["scales"][0].update(max=39), name="sdq-p.v1.json")
    assert e.field == "scales[0]" and "its parts add up to 0-40" in e.message
    e = broken(tmp_path, lambda d: d["scales"][0]["sum_of"].__setitem__(0, "emotion"), name="sdq-p.v1.json")
    assert e.field == "scales[0].sum_of[0]"


def test_a_file_that_is_not_json_is_named(tmp_path):
    (tmp_path / "bad.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(InstrumentError, match="bad.json: cannot be read as JSON"):
        instruments.definitions(tmp_path)
