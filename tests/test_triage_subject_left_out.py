"""Danish texting leaves out the "jeg": "bor på gaden pt, nogen der ved hvor man kan få en seng" is the writer on the
street now, though the question after it is asked with "man" (bot/triage.py ``_subject_left_out``). An information
question in which the writer does not speak of themselves is not urgent; a sentence that opens with a verb of the
writer's own situation and no subject is the writer speaking. Before, both messages below were no crisis at all. A
question that names its subject ("hvor mange unge bor på gaden", "er det lovligt ...") stays a question.

Every sentence was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

LEFT_OUT = ["bor på gaden pt, nogen der ved hvor man kan få en seng", "sover i bilen, hvor kan man få et bad"]
QUESTIONS = ["hvor mange unge bor på gaden i aarhus", "er det lovligt at sove i bilen på en parkeringsplads"]


test_the_writer_without_a_jeg_is_still_the_one_on_the_street = expect(LEFT_OUT, Urgency.URGENT, lang="da",
                                                                      reason="sleeps_outside")
test_a_question_that_names_its_subject_stays_a_question = expect(QUESTIONS, Urgency.NONE, lang="da")
test_the_sentences_are_our_own = our_own(LEFT_OUT, QUESTIONS)
