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
    /// The text is not JSON of the expected shape: `path` names the field (empty when the
    /// problem is in the JSON syntax itself), `line` and `column` where the reader stopped.
    Syntax {
        path: String,
        /// True when the JSON itself is fine but its shape is not a content file's.
        shape: bool,
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON has the right shape but its values break the content rules.
    Invalid(Vec<Problem>),
}

impl LoadError {
    pub(crate) fn from_json(path: String, inner: serde_json::Error) -> Self {
        Self::Syntax {
            path,
            shape: inner.is_data(),
            line: inner.line(),
            column: inner.column(),
            message: inner.to_string(),
        }
    }

    /// Every problem as one line each, for a panel or a log.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Syntax { .. } => vec![self.to_string()],
            Self::Invalid(problems) => problems.iter().map(Problem::to_string).collect(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax {
                path,
                shape: true,
                message,
                ..
            } if path.is_empty() => write!(f, "content file has the wrong shape: {message}"),
            Self::Syntax { path, message, .. } if path.is_empty() => {
                write!(f, "content file is not valid JSON: {message}")
            }
            Self::Syntax { path, message, .. } => write!(f, "{path}: {message}"),
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
