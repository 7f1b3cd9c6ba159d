//! What the process may use, and a briefing refused before it is read when it would need
//! more; an allocation that fails anyway ends in one line, never an abort's backtrace.
//!
//! brief promises a briefing of N bytes at most 10 N + 30 MB of memory (docs/PERFORMANCE.md).
//! When the address space (RLIMIT_AS) or the cgroup's memory limit (memory.max, or cgroup
//! v1's memory.limit_in_bytes) is smaller than that, the briefing is refused with one line
//! saying so, rather than read until an allocation fails.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// The memory a briefing of `bytes` may need: 10 times its size and 30 MB.
pub fn needed(bytes: u64) -> u64 {
    bytes.saturating_mul(10).saturating_add(30 << 20)
}

/// The most bytes of briefing the process may take ([`needed`] within [`limit`]).
pub fn most() -> u64 {
    limit().map_or(u64::MAX, |limit| limit.saturating_sub(needed(0)) / 10)
}

/// The smallest memory limit in force on this process, in bytes, if any (read once).
pub fn limit() -> Option<u64> {
    static LIMIT: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| [address_space(), cgroup()].into_iter().flatten().min())
}

/// Err with the `<why>` of `brief: <what>: <why>` when a briefing of `bytes` would need more
/// memory than the process may have.
pub fn check(bytes: u64) -> Result<(), String> {
    let Some(limit) = limit() else {
        return Ok(());
    };
    let needed = needed(bytes);
    if needed <= limit {
        return Ok(());
    }
    let mb = |b: u64| b.div_ceil(1 << 20);
    Err(format!(
        "too large for the memory this process may use: {} MB of text needs up to {} MB, and the limit is {} MB",
        mb(bytes),
        mb(needed),
        mb(limit)
    ))
}

fn address_space() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max address space"))?;
    line["Max address space".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The cgroup's limit (v2 memory.max, else v1 memory.limit_in_bytes), the smallest along
/// the path up from the process's own cgroup.
fn cgroup() -> Option<u64> {
    let cgroups = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let mut limits = Vec::new();
    for line in cgroups.lines() {
        let mut parts = line.splitn(3, ':');
        let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
        let (root, file) = if controllers.is_empty() {
            ("/sys/fs/cgroup", "memory.max")
        } else if controllers.split(',').any(|c| c == "memory") {
            ("/sys/fs/cgroup/memory", "memory.limit_in_bytes")
        } else {
            continue;
        };
        let mut dir = Path::new(root).join(path.trim_start_matches('/'));
        loop {
            if let Ok(value) = std::fs::read_to_string(dir.join(file))
                && let Ok(value) = value.trim().parse::<u64>()
                // v1 says "no limit" with a number near 2^63
                && value < 1 << 60
            {
                limits.push(value);
            }
            if dir == Path::new(root) || !dir.pop() {
                break;
            }
        }
    }
    limits.into_iter().min()
}

/// Set while the reader has the terminal, so that a failed allocation gives it back first.
pub static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Before the reader takes the terminal: keeps its settings, and installs a SIGABRT handler
/// that puts them back (and leaves the alternate screen, shows the cursor, turns mouse
/// capture off) before the process dies. An abort of any kind, a stack overflow among them
/// (Rust reports it, then aborts), then leaves the terminal as it was.
#[cfg(target_os = "linux")]
pub fn guard_terminal_against_aborts() {
    use std::sync::OnceLock;
    static ORIGINAL: OnceLock<libc::termios> = OnceLock::new();
    // SAFETY: tcgetattr only fills the struct it is given
    let mut termios: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut termios) } != 0 {
        return;
    }
    let _ = ORIGINAL.set(termios);
    extern "C" fn on_abort(signal: libc::c_int) {
        const RESET: &[u8] =
            b"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[?1049l\x1b[?25h";
        if TERMINAL_TAKEN.load(Ordering::SeqCst) {
            // SAFETY: write and tcsetattr are async-signal-safe; the settings were kept
            // before the handler was installed and are never changed after
            unsafe {
                if let Some(original) = ORIGINAL.get() {
                    libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, original);
                }
                libc::write(libc::STDOUT_FILENO, RESET.as_ptr().cast(), RESET.len());
            }
        }
        // SAFETY: the default action, then the signal again: the process ends as it would have
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
    // SAFETY: the handler only calls async-signal-safe functions
    unsafe {
        libc::signal(
            libc::SIGABRT,
            on_abort as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
}

#[cfg(not(target_os = "linux"))]
pub fn guard_terminal_against_aborts() {}

/// Keeps glibc's threshold for mapping a block of its own at its default, 128 kB. glibc
/// raises it (up to 32 MB) each time such a block is freed, after which large vectors are
/// carved from the heap, whose freed middle is never given back: a 4 MB batch line peaked
/// at 78 MB, 68 MB with the threshold fixed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn map_large_blocks() {
    // SAFETY: mallopt only sets a tunable, called before any thread is started
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 << 10);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn map_large_blocks() {}

/// The system allocator, but an allocation that fails ends the process with one line
/// (`brief: out of memory ...`) and exit status 1, the terminal given back first if the
/// reader had it, instead of Rust's abort.
pub struct Guarded;

static FAILING: AtomicBool = AtomicBool::new(false);

#[cold]
fn out_of_memory(size: usize) -> ! {
    use std::io::Write;
    if !FAILING.swap(true, Ordering::SeqCst) {
        if TERMINAL_TAKEN.load(Ordering::SeqCst) {
            let _ = crossterm::terminal::disable_raw_mode();
            // mouse capture off, the main screen back, the cursor shown
            let _ = std::io::stdout().write_all(
                b"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[?1049l\x1b[?25h",
            );
            let _ = std::io::stdout().flush();
        }
        let mb = size.div_ceil(1 << 20);
        let _ = writeln!(
            std::io::stderr(),
            "brief: out of memory: {mb} MB more could not be had (the input is too large for this machine or its limits)"
        );
    }
    std::process::exit(1)
}

// SAFETY: every call goes to `System`, whose contract is the same; only a null result is
// acted on, and then the process ends.
unsafe impl GlobalAlloc for Guarded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller keeps GlobalAlloc's contract, which System's is
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as alloc
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as alloc
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as alloc
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            out_of_memory(new_size);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_need_is_ten_times_the_size_and_thirty_mb() {
        assert_eq!(needed(0), 30 << 20);
        assert_eq!(needed(1 << 20), 40 << 20);
        assert_eq!(needed(u64::MAX), u64::MAX);
        // whatever the machine's limits, a small briefing passes
        assert!(check(1000).is_ok() || limit().is_some_and(|l| l < needed(1000)));
    }
}
