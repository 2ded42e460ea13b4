//! A test's scratch folder under the system temp dir: made empty on creation, removed when the
//! test that owns it ends well. A failing test keeps it, so its outputs can be read afterwards.

#![allow(dead_code)] // each test binary uses its own part
use std::ffi::OsStr;
use std::ops::Deref;
use std::path::{Path, PathBuf};

pub struct Scratch(PathBuf);

impl Scratch {
    /// `<temp>/corroborate-<prefix>-<name>-<pid>`, emptied (not created: `analyze --out` makes it).
    pub fn empty(prefix: &str, name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("corroborate-{prefix}-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Scratch(dir)
    }

    /// The same, created.
    pub fn created(prefix: &str, name: &str) -> Scratch {
        let dir = Scratch::empty(prefix, name);
        std::fs::create_dir_all(&dir.0).unwrap();
        dir
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

impl Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<OsStr> for Scratch {
    fn as_ref(&self) -> &OsStr {
        self.0.as_os_str()
    }
}
