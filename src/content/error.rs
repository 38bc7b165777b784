//! What can be wrong with a content file, phrased for the person editing it.

use std::fmt;

/// One defect in a content file, located by a field path such as `sites[2].name.en`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why a content file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON: the parser's message, with the line and column.
    Syntax(String),
    /// The JSON is not shaped like a content file: the first field that does not fit (an empty
    /// path is the whole file).
    Shape(Problem),
    /// The JSON has the right shape but its values break the content rules.
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// Every problem as one line each, for a panel or a log.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Invalid(problems) => problems.iter().map(Problem::to_string).collect(),
            _ => vec![self.to_string()],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax(err) => write!(f, "content file is not valid JSON: {err}"),
            Self::Shape(problem) if problem.path.is_empty() => {
                write!(f, "content file has the wrong shape: {}", problem.message)
            }
            Self::Shape(problem) => write!(f, "{problem}"),
            Self::Invalid(problems) => {
                write!(f, "content file has {} problem(s):", problems.len())?;
                for problem in problems {
                    write!(f, "\n- {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}
