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
        "Bladder or bowel control newly lost.",
        ("lost control of your bladder or bowel",),
        ("lost control of your bladder or bowel",),
        "loss of control",
    ),
    RedFlag(
        "both-legs",
        "emergency",
        "Pain, pins and needles, weakness or numbness in both legs at once.",
        ("in both legs",),
        ("in both legs",),
        "both legs",
    ),
    RedFlag(
        "leg-weakness",
        "emergency",
        "One leg newly weak and weakening, or a foot that drags or catches.",
        ("newly weak and getting weaker", "catches or drags"),
        ("newly weak and getting weaker", "catch or drag"),
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
    RedFlag("chest", "emergency", "Chest pain together with back pain.", ("chest pain",), ("chest pain",), "chest"),
    RedFlag(
        "serious-fall",
        "emergency",
        "Back pain since a bad fall or an accident such as a car crash.",
        ("serious fall", "car crash"),
        ("serious fall", "car crash"),
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
        ("small fall", "older", "thin bones", "steroid tablets"),
        ("small fall", "older", "thin bones", "steroid tablets"),
        "minor fall",
    ),
    RedFlag(
        "constant",
        "urgent",
        "Constant, severe pain that rest and moving do not ease, or that is worse at night.",
        ("constant and severe", "worse at night"),
        ("constant and severe", "worse at night"),
        "constant",
    ),
    RedFlag(
        "sneeze",
        "urgent",
        "Pain made worse by a sneeze, a cough or going to the toilet.",
        ("sneeze", "cough", "toilet"),
        ("sneeze", "cough", "toilet"),
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
        ("few weeks",),
        ("few weeks",),
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
        "The course's exercises cause pain.",
        ("hinge exercises hurt",),
        ("hinge exercises hurt",),
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
