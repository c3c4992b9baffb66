"""The data floor: where the files are, reading them exactly, the contract they must meet, validation and its
record, `load()`, the codebook, and the words a date or a number is written in. It imports nothing from the
floors above it (subjects, presentation, publishing)."""
