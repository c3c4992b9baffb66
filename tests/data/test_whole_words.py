"""Words whole and as whose they are, held by the validator: each test plants a breach in a copy of the data and
asserts the one line that names it."""

from conftest import break_cell
from karabakh_figures.data.quotes import quoted_text
from karabakh_figures.data.whole_words import read_with

POSITIONS, ACTS = "positions.csv", "act_statements.csv"


def test_a_reporter_s_tag_inside_the_speaker_s_own_words_is_reported(data_copy, validate):
    statement = ("“We are talking about those territories whose return will not endanger the resolution of the "
                 "conflict and the security [of Artsakh] and will not threaten the outcome of the process,” "
                 "Nalbandian said in his answer.")
    where = break_cell(data_copy, POSITIONS, "armenia-nalbandian-districts-2017", "statement", statement)
    code, _, out = validate(data_copy)
    assert code == 1
    assert f'{where}, column statement, value "” Nalbandian said": a reporter\'s tag or lead-in inside the ' \
           "statement: put the report's words in report_words" in out


def test_a_lead_in_inside_the_speaker_s_own_words_is_reported(data_copy, validate):
    break_cell(data_copy, POSITIONS, "armenia-mfa-corridor-1997", "statement", "The Ministry statement reads: \". . "
               "the militia of the Azerbaijani National Front actively obstructed")
    code, _, out = validate(data_copy)
    assert code == 1 and any('value "statement reads:": a reporter\'s tag' in line for line in out)


def test_an_act_s_passage_cut_inside_its_sentence_is_reported(data_copy, validate):
    # Resolution 874's passage on the region, as it once stood: cut before the tensions between the two states.
    cut = ("Expressing its serious concern that a continuation of the conflict in and around the Nagorny Karabakh "
           "region of the Azerbaijani Republic,")
    where = break_cell(data_copy, ACTS, "unsc-874-region", "source_quote", cut)
    break_cell(data_copy, ACTS, "unsc-874-region", "wording", "the conflict in and around the Nagorny Karabakh region")
    code, _, out = validate(data_copy)
    assert code == 1
    assert f'{where}, column source_quote, value "bakh region of the Azerbaijani Republic,": cut inside a ' \
           "sentence: its source goes on “and of the tensions between the Republic of Armeni”; quote the sentence " \
           "whole (or, for a reporter's tag, put it in report_words)" in out


def test_a_statement_cut_inside_its_sentence_is_reported_unless_the_rest_is_the_report_s_tag(data_copy, validate):
    cut = "No. 366 of the former USSR implemented the seizure of Khojaly"
    where = break_cell(data_copy, POSITIONS, "compilation-khojaly-seizure", "statement", cut)
    # A tag left out of the statement is no cut when it stands in report_words: here it does not.
    tagged = break_cell(data_copy, POSITIONS, "armenia-pashinyan-2023", "report_words", "")
    code, _, out = validate(data_copy)
    assert code == 1
    assert f'{where}, column statement, value " USSR implemented the seizure of Khojaly": cut inside a sentence: ' \
           "its source goes on “a small town situated in the Nagorno-Karabakh regi”; quote the sentence whole (or, " \
           "for a reporter's tag, put it in report_words)" in out
    assert any(line.startswith(f"{tagged}, column statement") and "its source goes on “said Pashinyan, according"
               in line for line in out), out


def test_a_passage_shown_without_what_it_must_be_read_with_is_reported(data_copy, validate):
    where = break_cell(data_copy, POSITIONS, "memorial-corridor-1992", "note", "A translation.")
    code, _, out = validate(data_copy)
    assert code == 1
    assert f'{where}, column note, value "A translation.": positions-supplement.md says this passage must be read ' \
           'with “The people leaving along the "free corridor" were fired on the ter”: show those words with it' in out


def test_what_a_reference_says_must_be_read_with_is_found_by_rule():
    reference = """**O-5.** Party: outside body.
> 60 people fled from Khojaly during the city assault were questioned by observers, and one said so.

**O-6.** Party: outside body.
> Something else entirely, long enough to be a passage of its own in the reference file.
The next sentence is cut on the page: "Yet we place direct[… excerpt ends]".

- **Cuts:** O-5 must be read with the page's next sentence: "The people leaving along the "free corridor" were
  fired on the ter" — without it, the quote misleads.
"""
    found = read_with(reference)
    quotations = [quoted_text("> 60 people fled from Khojaly during the city assault were questioned by observers, "
                              "and one said so.")]
    assert (quotations, 'The people leaving along the "free corridor" were fired on the ter') in found
    assert any(words == "Yet we place direct" for _, words in found)



def test_a_statement_that_starts_inside_its_sentence_is_reported(data_copy, validate):
    # The compilation's sentence on the inhabitants, as it once stood: its subject cut off.
    cut = ("tried to leave their houses after the beginning of the assault in the hope to find the way to the "
           "nearest place populated by the Azerbaijanis. But these plans have failed.")
    where = break_cell(data_copy, POSITIONS, "compilation-khojaly-flight", "statement", cut)
    code, _, out = validate(data_copy)
    assert code == 1
    assert f'{where}, column statement, value "{cut[:40]}": cut inside a sentence: its source opens it ' \
           "“wn before the tragic night (about 2500 people) and”; quote the sentence whole (or, for a reporter's " \
           "lead-in, put it in report_words)" in out


def test_a_reporter_s_tag_in_indirect_speech_is_held_by_one_rule_on_both_sides(data_copy, validate):
    """Indirect speech too keeps the report's tag in report_words, on the Azerbaijani side ('…, Aliyev noted') and
    on the Armenian side ('He also stressed that …') alike."""
    azerbaijani = break_cell(data_copy, POSITIONS, "az-aliyev-mutalibov-2020", "statement",
                             "As for Mutalibov, he has already denied the words ascribed to him dozens of times, "
                             "Aliyev noted.")
    armenian = break_cell(data_copy, POSITIONS, "armenia-kocharyan-condition", "report_words", "")
    code, _, out = validate(data_copy)
    assert code == 1
    assert f'{azerbaijani}, column statement, value ", Aliyev noted": a reporter\'s tag or lead-in inside the ' \
           "statement: put the report's words in report_words" in out
    assert any(line.startswith(f"{armenian}, column statement") and "its source opens it “He also stressed that”"
               in line for line in out), out


def test_a_date_a_reference_corrects_stands_only_where_the_row_names_that_reference(data_copy, validate):
    where = break_cell(data_copy, POSITIONS, "armenia-nalbandian-districts-2017", "date_note", "The remark's date.")
    code, _, out = validate(data_copy)
    assert code == 1
    assert f'{where}, column date_text, value "18 September 2017": not stated in source_quote, nor the page\'s ' \
           "date in sources.csv (2017-09-20)" in out


def test_a_statement_that_points_back_to_a_sentence_it_leaves_out_is_reported(data_copy, validate):
    # The de facto ministry's statement, as it once stood: its "This" without the sentence it refers to.
    cut = "This was due to the main requirement of all four resolutions: cessation of all hostilities and hostile acts."
    where = break_cell(data_copy, POSITIONS, "nk-mfa-resolutions", "statement", cut)
    code, _, out = validate(data_copy)
    assert code == 1
    assert any(line.startswith(f'{where}, column statement, value "{cut[:40]}": opens with a word that points back '
                               "to the sentence before it, “") and "starting political dialogue.”: show that sentence "
               "too" in line for line in out), out
