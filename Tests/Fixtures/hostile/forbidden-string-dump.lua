-- string.dump would make binary chunks.
-- expect: exit 4
-- stderr: string.dump is not available in samverkan scripts (binary chunks are not allowed)
string.dump(print)
