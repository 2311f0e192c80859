//! The policy as code. Pure: no IO, no clock, no floats for money.
