#if canImport(Glibc)
  import Glibc

  /// Makes glibc back large arrays with transparent huge pages, as numpy does for its own.
  ///
  /// A 10 M-float kernel that returns a new array gets a fresh 40 MB allocation on every call.
  /// With 4 KiB pages that is about 10,000 page faults per call, which costs more than the
  /// kernel itself and would hide every difference between kernels. numpy asks for huge pages
  /// (`madvise(MADV_HUGEPAGE)`) for large arrays; glibc does the same for its large
  /// allocations when started with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (glibc 2.35 and
  /// later; older ones ignore it). The tunable is read at start-up, so `bench` sets it and
  /// starts itself again, once. A `GLIBC_TUNABLES` already set is left as it is.
  enum HugePages {
    static let tunable = "glibc.malloc.hugetlb=1"

    /// Restarts the process with the tunable set, unless `GLIBC_TUNABLES` is already set;
    /// returns (and the run goes on without huge pages) if the restart fails.
    static func restartWithTunableIfNeeded() {
      guard getenv("GLIBC_TUNABLES") == nil else { return }
      setenv("GLIBC_TUNABLES", tunable, 1)
      _ = execv("/proc/self/exe", CommandLine.unsafeArgv)
      unsetenv("GLIBC_TUNABLES")  // execv returned, so it failed: carry on as we are
    }

    /// Whether this process runs with the tunable.
    static var areRequested: Bool {
      guard let value = getenv("GLIBC_TUNABLES") else { return false }
      return String(cString: value).contains(tunable)
    }
  }
#else
  enum HugePages {
    static func restartWithTunableIfNeeded() {}
    static var areRequested: Bool { false }
  }
#endif
