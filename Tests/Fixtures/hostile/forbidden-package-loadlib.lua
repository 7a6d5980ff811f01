-- package.loadlib (CVE-2022-0543) is not reachable.
-- expect: exit 4
-- stderr: 'package' is not available in samverkan scripts
package.loadlib("libc.so.6", "system")
