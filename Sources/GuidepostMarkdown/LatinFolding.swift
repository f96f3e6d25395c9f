/// Lower-case Latin letters with diacritics (Latin-1, Extended-A/B, Extended Additional)
/// and the plain letters they fold to in slugs. Written out because the standard library
/// has no public Unicode decomposition and Foundation's folding would also strip marks that
/// are letters in other scripts (й would become и).
enum LatinFolding {
    static let table: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("a", "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ"),
            ("ae", "æǣǽ"),
            ("b", "ƀḃḅḇ"),
            ("c", "çćĉċčƈȼḉ"),
            ("d", "ðďđƌḋḍḏḑḓ"),
            ("dz", "ǆǳǅ"),
            ("e", "èéêëēĕėęěȅȇȩɇḕḗḙḛḝẹẻẽếềểễệ"),
            ("f", "ƒḟ"),
            ("g", "ĝğġģǧǵǥḡ"),
            ("h", "ĥħȟḣḥḧḩḫẖ"),
            ("i", "ìíîïĩīĭįıǐȉȋḭḯỉị"),
            ("ij", "ĳ"),
            ("j", "ĵǰɉȷ"),
            ("k", "ķĸƙǩḱḳḵ"),
            ("l", "ĺļľŀłƚḷḹḻḽȴ"),
            ("lj", "ǉǈ"),
            ("m", "ḿṁṃ"),
            ("n", "ñńņňŉŋǹṅṇṉṋȵ"),
            ("nj", "ǌǋ"),
            ("o", "òóôõöøōŏőơǒǫǭȍȏȫȭȯȱǿṍṏṑṓọỏốồổỗộớờởỡợ"),
            ("oe", "œ"),
            ("p", "ƥṕṗ"),
            ("r", "ŕŗřȑȓɍṙṛṝṟ"),
            ("s", "śŝşšſșȿṡṣṥṧṩ"),
            ("ss", "ß"),
            ("t", "ţťŧțṫṭṯṱẗȶ"),
            ("th", "þ"),
            ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự"),
            ("v", "ṽṿ"),
            ("w", "ŵƿẁẃẅẇẉẘ"),
            ("x", "ẋẍ"),
            ("y", "ýÿŷƴȳɏẏẙỳỵỷỹ"),
            ("z", "źżžƶȥɀẑẓẕ"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (plain, accented) in groups {
            for scalar in accented.unicodeScalars {
                table[scalar] = plain
            }
        }
        return table
    }()
}
