"""The learned relation scorer: candidate pairs of mentions, their features, a trained model.

    pairs      candidate pairs of mentions (within a sentence, infobox lines, the frames' own pairs)
    features   sparse string features of a pair: words between and around, kinds, frames' hits
    model      the trained weights and calibration, loaded from the package or a folder
    labels     gold ties aligned with candidate pairs (for training and measuring)
    training   fitting, document-level cross-validation, calibration, saving

The frames of `extract.triggers` are features and high-precision labelling functions here, not
the only way a tie is found; every assertion carries the calibrated probability that it is right.
"""
