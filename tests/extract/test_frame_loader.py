"""The frames file is checked when read: a malformed entry is refused with an error naming the file, the
frame and the field, and a well-formed one compiles to the pattern its sub-patterns spell out."""
from __future__ import annotations

import copy
import re

import pytest
import yaml

from factionmap.errors import ConfigError
from factionmap.extract.frame_loader import FrameFileError, load_frames, parse_frames
from factionmap.extract.triggers import frame
from factionmap.lang import english

GOOD = {
    "patterns": {"THE": r"(?:the\s+)?", "GAP": r"[^«»]{0,40}?", "VERB": r"bankroll(?:ed|s)?", "TRIG": "{VERB}"},
    "frames": [{
        "name": "bankrolled", "relation": "ally_of", "subject": "ACT", "object": "GRP",
        "pattern": [r"{S}{GAP}(?P<t>{TRIG})\s+", r"{THE}{O}"],
        "examples": [{"text": "The Desert Front bankrolled the Sun Brigade.",
                      "tie": ["Desert Front", "ally_of", "Sun Brigade"]}],
        "traps": [{"text": "The Desert Front praised the Sun Brigade."}],
    }],
}


def with_frame(**changes) -> dict:
    data = copy.deepcopy(GOOD)
    for key, value in changes.items():
        if value is None:
            del data["frames"][0][key]
        else:
            data["frames"][0][key] = value
    return data


def test_a_good_frame_compiles_with_its_sub_patterns_expanded():
    [fr] = parse_frames(GOOD)
    assert fr.pattern.pattern == r"(?P<s>«[GSP]\d+»)[^«»]{0,40}?(?P<t>bankroll(?:ed|s)?)\s+(?:the\s+)?(?P<o>«[G]\d+»)"
    assert fr.pattern.flags & re.I
    assert (fr.subject_kinds, fr.object_kinds, fr.lead, fr.swap) == ("GSP", "G", "s", False)
    assert fr.examples[0].tie == ("Desert Front", "ally_of", "Sun Brigade") and fr.traps[0].tie is None
    assert fr.pattern.search("«G0» quietly bankrolled the «G1»")


def test_direction_flags_and_guards_are_read():
    [fr] = parse_frames(with_frame(direction="reversed", flags=["clause", "nominal"], guards=["own-places"]))
    assert fr.swap and fr.clause and fr.nominal and not fr.lists and fr.guards == ("own-places",)


@pytest.mark.parametrize("changes,field,words", [
    ({"guards": ["no-such-guard"]}, "guards", "unknown guard"),
    ({"pattern": r"{S}(?P<t>bankroll(ed)\s+{O}"}, "pattern", "not a valid regex"),
    ({"pattern": r"{S}(?P<t>{NOPE})\s+{O}"}, "pattern", "unknown sub-pattern {NOPE}"),
    ({"pattern": r"{S}(?P<t>x)\s+{S}{O}"}, "pattern", "{S} slot exactly once"),
    ({"pattern": r"{S}\s+bankrolled\s+{O}"}, "pattern", "(?P<t>"),
    ({"relation": "befriends"}, "relation", "unknown relation"),
    ({"person": "befriends"}, "person", "unknown relation"),
    ({"subject": "ARMY"}, "subject", "unknown kind"),
    ({"direction": "backwards"}, "direction", "not one of"),
    ({"flags": ["loud"]}, "flags", "each flag one of"),
    ({"stance": "maybe"}, "stance", "not one of"),
    ({"need": r"(unclosed"}, "need", "not a valid regex"),
    ({"examples": [{"text": "A sentence.", "tie": ["only two", "ally_of"]}]}, "examples", "item 1"),
    ({"traps": [{"text": "A sentence.", "not": "ally_of"}]}, "traps", "item 1"),
])
def test_a_bad_field_is_named_with_its_frame(changes, field, words):
    with pytest.raises(FrameFileError) as err:
        parse_frames(with_frame(**changes), "frames.yaml")
    msg = str(err.value)
    assert msg.startswith("frames.yaml: frame 'bankrolled': field " + repr(field)) and words in msg, msg


@pytest.mark.parametrize("missing", ["relation", "subject", "pattern", "examples"])
def test_a_missing_field_is_named(missing):
    with pytest.raises(FrameFileError, match=rf"frame 'bankrolled': missing field\(s\) {missing}"):
        parse_frames(with_frame(**{missing: None}))


def test_an_unknown_field_and_a_repeated_name_are_refused():
    with pytest.raises(FrameFileError, match=r"frame 'bankrolled': unknown field\(s\) gaurds"):
        parse_frames(with_frame(gaurds=["own-places"]))
    twice = copy.deepcopy(GOOD)
    twice["frames"].append(copy.deepcopy(twice["frames"][0]))
    with pytest.raises(FrameFileError, match="no other frame has"):
        parse_frames(twice)


def test_a_bad_shared_sub_pattern_is_named():
    data = copy.deepcopy(GOOD)
    data["patterns"]["VERB"] = "bankroll(ed"
    with pytest.raises(FrameFileError, match="patterns: VERB: not a valid regex"):
        parse_frames(data)
    data["patterns"]["VERB"] = "{TRIG}"
    with pytest.raises(FrameFileError, match="refers to itself"):
        parse_frames(data)


def test_a_file_that_is_not_yaml_is_refused_with_its_path(tmp_path):
    bad = tmp_path / "frames.yaml"
    bad.write_text("frames: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(str(bad)) + ": not valid YAML"):
        load_frames(bad)
    bad.write_text(yaml.safe_dump({"patterns": {}}), encoding="utf-8")
    with pytest.raises(FrameFileError, match="needs a 'frames' list"):
        load_frames(bad)


def test_the_shipped_file_loads_in_order_with_unique_names():
    frames = load_frames()
    names = [f.name for f in frames]
    assert len(names) == len(set(names)) > 100
    assert names[0] == english().data("frames")["frames"][0]["name"]


def test_a_frame_tried_out_in_python_uses_the_packs_sub_patterns():
    fr = frame("bankrolled", "ally_of", r"{S:ACT}{GAP}(?P<t>bankrolled)\s+{THE}{O:GRP}")
    assert (fr.subject_kinds, fr.object_kinds, fr.lead) == ("GSP", "G", "s")
    assert fr.pattern.search("«G0» in 2016 bankrolled the «G1»") and not fr.pattern.search("«G0» bankrolled the «P1»")
