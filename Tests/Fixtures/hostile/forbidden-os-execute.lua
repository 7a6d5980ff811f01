-- os keeps only time, date and clock.
-- expect: exit 4
-- stderr: os.execute is not available in samverkan scripts (only os.time, os.date and os.clock are)
os.execute("touch /tmp/samverkan-hostile-was-here")
