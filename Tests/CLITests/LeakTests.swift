import Testing

/// Errors raised through host callbacks leak nothing: Swift never raises a Lua error
/// itself (ENGINEERING §2), so every Swift object is released.
@Suite struct LeakTests {
    static func heapAfter(errors: Int) throws -> Int {
        let folder = CLI.emptyFolder()
        try """
            local failed = 0
            for i = 1, \(errors) do
              if not pcall(function() return kb.municipalities[1].no_such_field end) then failed = failed + 1 end
              if not pcall(kb.municipalities.sort_by, kb.municipalities, "no_such_field") then failed = failed + 1 end
              if not pcall(fmt.number, "not a number") then failed = failed + 1 end
            end
            print(failed)
            """.write(toFile: folder + "/leak.lua", atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--data", CLI.fixture("kb"), "leak.lua"], in: folder,
                                 environment: ["SAMVERKAN_DEBUG_HEAP": "1"])
        #expect(result.stdout == "\(3 * errors)\n")
        let line = result.stderr.split(separator: "\n").first { $0.hasPrefix("heap: ") }
        return Int(line?.dropFirst(6) ?? "") ?? -1
    }

    /// Under a sanitizer's allocator mallinfo counts nothing (LeakSanitizer checks leaks there).
    static let heapIsMeasurable: Bool = {
        let folder = CLI.emptyFolder()
        try? "print(1)".write(toFile: folder + "/probe.lua", atomically: true, encoding: .utf8)
        let result = try? CLI.run(["run", "--data", CLI.fixture("kb"), "probe.lua"], in: folder,
                                  environment: ["SAMVERKAN_DEBUG_HEAP": "1"])
        return result?.stderr.hasPrefix("heap: ") == true && result?.stderr.hasPrefix("heap: 0\n") == false
    }()

    @Test(.enabled(if: heapIsMeasurable, "the heap cannot be measured under a sanitizer's allocator"))
    func tenThousandFailingCallbacksLeaveTheHeapFlat() throws {
        let small = try Self.heapAfter(errors: 100)
        let large = try Self.heapAfter(errors: 10_000)
        #expect(small > 0)
        // 30,000 errors; leaking even 16 bytes each would add 480 kB.
        #expect(large - small < 64 * 1024, "heap grew from \(small) to \(large) bytes")
    }
}
