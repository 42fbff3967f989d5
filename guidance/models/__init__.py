from guidance.models.capacity import Answer, AnswerOption, Assessment, Dimension, Instrument, Question
from guidance.models.events import (
    QR_PREFIX,
    Certificate,
    CheckIn,
    Event,
    EventFile,
    Invitation,
    Participant,
    Programme,
    ProgrammeType,
)

__all__ = [
    "QR_PREFIX",
    "Answer",
    "AnswerOption",
    "Assessment",
    "Certificate",
    "CheckIn",
    "Dimension",
    "Event",
    "EventFile",
    "Instrument",
    "Invitation",
    "Participant",
    "Programme",
    "ProgrammeType",
    "Question",
]
