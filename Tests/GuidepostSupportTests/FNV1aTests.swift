import GuidepostSupport
import Testing

@Suite struct FNV1aTests {
    @Test func fnvMatchesTheReferenceVectors() {
        #expect(FNV1a.hash([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
    }

    @Test func aRunningHashGoesOnWhereTheLastStopped() {
        let first = FNV1a.hash("foo".utf8)
        #expect(FNV1a.hash("bar".utf8, seed: first) == FNV1a.hash("foobar".utf8))
        #expect(FNV1a.step(first, UInt8(ascii: "b")) == FNV1a.hash("foob".utf8))
    }
}
