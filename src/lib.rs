//! medtech: an interactive advisor from "I want to become a medical laboratory
//! technician" to certified and licensed.

pub mod content;
