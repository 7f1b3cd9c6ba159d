//! Syntax: word clusters for the part-of-speech tagger and dependency parser.

pub mod clusters;
