"""What the hip-hinge course must cover, kept in the repository so that its tests need nothing else.

This is the checklist that tests/test_content.py holds the course to: the warning signs (red flags) in
their three levels of care, and the kinds of health practitioner the course names. Each entry is
written in our own words. It follows the sources below; the project's content brief (kept outside the
repository, in ../shared/content-brief.md) gives the same lists, and when that file is present the
tests also check that this checklist still matches it.

Sources for the warning signs:
- NHS, "Back pain" (nhs.uk/conditions/back-pain): when to call 999, when to get an urgent
  appointment or use NHS 111, and when to see a GP.
- NHS hospital trusts' patient leaflets on cauda equina syndrome: the signs of pressure on the nerves
  at the base of the spine.
- Finucane LM, et al. "International framework for red flags for potential serious spinal
  pathologies." J Orthop Sports Phys Ther 2020;50(7):350-372. doi:10.2519/jospt.2020.9971
- Downie A, et al. Red flags to screen for malignancy and fracture in patients with low back pain.
  BMJ 2013;347:f7095. doi:10.1136/bmj.f7095 (signs of a broken bone in the spine)
- Henschke N, et al. Red flags to screen for malignancy in patients with low-back pain. Cochrane
  Database Syst Rev 2013;CD008686. doi:10.1002/14651858.CD008686.pub2 (signs of cancer in the spine)

The practitioners are the ones the strength coach's post, on which the course builds, sends readers
to; the content brief lists the same six.
"""

from __future__ import annotations

from dataclasses import dataclass

TIERS = ("emergency", "urgent", "soon")


@dataclass(frozen=True)
class RedFlag:
    """One warning sign and how the course must show it."""

    id: str  # the id of its question in the red-flag self-check
    tier: str  # emergency (go now), urgent (a doctor today or within a day or so) or soon (not urgent)
    sign: str  # the sign, in our words
    lesson: tuple[str, ...]  # phrases the red-flags lesson must hold in this tier's section
    check: tuple[str, ...]  # phrases the self-check question must hold
    brief: str  # a phrase found in this item of the brief's list, and in no other item (cross-check)


RED_FLAGS: tuple[RedFlag, ...] = (
    # Get emergency care now. The first six can mean cauda equina syndrome (NHS leaflets, Finucane).
    RedFlag(
        "saddle",
        "emergency",
        "Numb or tingling saddle area: between the legs, genitals, anus, buttocks; wiping feels different.",
        ("saddle area", "between your legs", "genitals", "back passage (anus)", "buttocks", "when you wipe"),
        ("saddle area", "between your legs", "genitals", "(anus)", "buttocks", "wipe"),
        "genitals",
    ),
    RedFlag(
        "bladder-start",
        "emergency",
        "New trouble starting or stopping the flow of urine, or not feeling a full bladder.",
        ("trouble starting to pee", "trouble stopping", "bladder is full"),
        ("trouble starting to pee", "trouble stopping", "bladder is full"),
        "starting to pee",
    ),
    RedFlag(
        "bladder-bowel-control",
        "emergency",
        "Bladder or bowel control newly lost: leaking pee or poo, or not able to hold it.",
        ("lost control of your bladder or bowel", "leak pee or poo"),
        ("lost control of your bladder or bowel", "leak pee or poo"),
        "loss of control",
    ),
    RedFlag(
        "both-legs",
        "emergency",
        "Pain, pins and needles, weakness or numbness in both legs at once, new or worsening (review 2).",
        ("in both legs", "new or getting worse"),
        ("in both legs", "new or getting worse"),
        "both legs",
    ),
    RedFlag(
        "leg-weakness",
        "emergency",
        "One leg newly weak and weakening, or a foot that has begun to drag or catch.",
        ("newly weak and getting weaker", "started to catch or drag"),
        ("newly weak and getting weaker", "started to catch or drag"),
        "catches or drags",
    ),
    RedFlag(
        "sexual",
        "emergency",
        "New erection problems, or less feeling in the genitals during sex.",
        ("erection", "less feeling than before in your genitals"),
        ("erection", "less feeling than before in your genitals"),
        "erection",
    ),
    RedFlag(
        "chest",
        "emergency",
        "Chest pain together with the pain; call, do not travel by car (review 2).",
        ("chest pain", "do not go by car"),
        ("chest pain",),
        "chest",
    ),
    RedFlag(
        "serious-fall",
        "emergency",
        "Back pain since a bad fall or an accident such as a car crash.",
        ("serious fall", "car crash"),
        ("serious fall", "serious accident", "car crash"),
        "serious fall",
    ),
    # See a doctor urgently (Finucane; NHS; Downie for fracture; Henschke for cancer).
    RedFlag(
        "fever",
        "urgent",
        "Fever or hot and shivery, above all with a recent infection, weak immunity or injected drugs.",
        ("fever", "hot and shivery", "infection", "immune system", "drugs by injection"),
        ("fever", "hot and shivery", "drugs by injection"),
        "fever",
    ),
    RedFlag(
        "cancer",
        "urgent",
        "Cancer in the past, or weight loss with no reason.",
        ("had cancer", "lost weight without trying"),
        ("had cancer", "lost weight without trying"),
        "cancer",
    ),
    RedFlag(
        "minor-fall",
        "urgent",
        "Pain after a small fall or strain in an older person, or with thin bones or long steroid use.",
        ("small fall", "one of these fits you", "older", "thin bones", "steroid tablets"),
        ("small fall", "one of these fit you", "older", "thin bones", "steroid tablets"),
        "minor fall",
    ),
    RedFlag(
        "constant",
        "urgent",
        "Constant, severe pain that rest and moving do not ease, or that is worse at night.",
        ("severe and there all the time", "worse at night"),
        ("severe and there all the time", "worse at night"),
        "constant",
    ),
    RedFlag(
        "sneeze",
        "urgent",
        "Pain made worse by a sneeze, a cough or straining on the toilet.",
        ("sneeze", "cough", "strain to poo"),
        ("sneeze", "cough", "strain to poo"),
        "sneezing",
    ),
    RedFlag(
        "high-back",
        "urgent",
        "Pain high up, between the shoulder blades.",
        ("between your shoulder blades",),
        ("between your shoulder blades",),
        "shoulder blades",
    ),
    RedFlag(
        "swelling",
        "urgent",
        "A new lump, swelling or change in the shape of the back.",
        ("swelling", "change of shape"),
        ("swelling", "change of shape"),
        "swelling",
    ),
    # See a practitioner soon, not urgently (NHS "Back pain": when to see a GP).
    RedFlag(
        "everyday",
        "soon",
        "The pain gets in the way of daily life.",
        ("doing everyday things",),
        ("doing everyday things",),
        "everyday things",
    ),
    RedFlag(
        "getting-worse",
        "soon",
        "The pain is very bad or worsening.",
        ("very bad or getting worse",),
        ("very bad or getting worse",),
        "getting worse",
    ),
    RedFlag(
        "few-weeks",
        "soon",
        "No better after a few weeks.",
        ("lasted a few weeks without getting better",),
        ("lasted a few weeks without getting better",),
        "few weeks",
    ),
    RedFlag(
        "coming-back", "soon", "The pain returns again and again.", ("coming back",), ("coming back",), "coming back"
    ),
    RedFlag(
        "worried",
        "soon",
        "Worry about the pain, or struggling to cope.",
        ("worried", "hard to cope"),
        ("worried", "hard to cope"),
        "worried",
    ),
    RedFlag(
        "exercises-hurt",
        "soon",
        "The course's moves have hurt when tried; not yet tried counts as no.",
        ("hinge moves have hurt when you tried them",),
        ("hinge moves hurt when you tried them", "not tried them yet, answer no"),
        "exercises hurt",
    ),
)

# The kinds of practitioner the course names, each with the words the red-flags lesson must use, and
# the brief's own name for it (cross-check only).
PRACTITIONERS: dict[str, str] = {
    "family doctor": "a family doctor",
    "physiotherapist": "a physiotherapist or physical therapist",
    "osteopath": "an osteopath",
    "chiropractor": "a chiropractor",
    "athletic therapist": "an athletic therapist",
    "massage therapist": "a massage therapist",
}

# Titles of the sources, which the reference list must give word for word. They are names, not
# sentences, so the test for wording shared with the brief leaves them out.
SOURCE_TITLES: tuple[str, ...] = (
    "International framework for red flags for potential serious spinal pathologies",
    "To flex or not to flex?",
)

# Wording from the second clinical review, which the content brief signs off in "Additions, review 2".
# Each entry: where the words must be (a file, as the tests name it), and the phrases it must hold, so
# that a later edit cannot quietly bring back the old wording.
PAIN_RULE = ("sharp pain", "spreads down a leg", "a stretch at the back of your thighs is normal", "keep")
ASK_FIRST = ("operation on your back or hips", "pregnan", "surgeon, doctor or physiotherapist")
REVIEW_2_WORDING: tuple[tuple[str, tuple[str, ...]], ...] = (
    # One pain rule everywhere a lesson or page says when to stop (M1), and "ask first" (M8).
    ("mkdocs.yml (notice)", PAIN_RULE + ASK_FIRST),
    ("docs/index.md", PAIN_RULE + ASK_FIRST),
    ("lessons/01-start-here.yml", PAIN_RULE + ASK_FIRST),
    ("lessons/02-dowel-test.yml", PAIN_RULE),
    ("lessons/05-hinge-to-deadlift.yml", (*PAIN_RULE, "keep breathing")),
    ("lessons/06-single-leg-hinge.yml", (*PAIN_RULE, "sturdy chair that will not tip")),
    ("lessons/07-retraining.yml", ("if it keeps hurting, get it checked", "folded towel")),
    # The warning signs apply to leg pain too, even mild (H2); the care figure is conditional (H1); the
    # "soon" signs go to a family doctor or physiotherapist first (M11); not all signs are rare (M3).
    (
        "lessons/08-when-to-see-a-practitioner.yml",
        (
            "back pain or pain down a leg, and any of the signs below, even if the pain is mild",
            "check the emergency signs first",
            "none of the emergency or urgent signs below",
            "a family doctor or a physiotherapist is a good first stop",
            "if you have chest pain, call the number. do not go by car.",
            "112 in much of europe",
        ),
    ),
    (
        "quizzes/red-flag-check.yml",
        ("pain down a leg", "even if the pain is mild", "do not go by car", "start the lessons", "if anything changes"),
    ),
    ("quizzes/when-to-see-a-practitioner.yml", ("serious car crash", "new loss of bladder or bowel control")),
    # The review that points the other way is in the lesson, not only in the sources (M7).
    ("lessons/01-start-here.yml", ("round the low back slightly less, not more",)),
)
# The care figure's boxes each open with a question, so that none reads as a bare order (H1).
CARE_FIGURE = ("figures/when-to-get-care.svg", ("Any emergency sign?", "Any urgent sign?", "Any 'soon' sign?"))
