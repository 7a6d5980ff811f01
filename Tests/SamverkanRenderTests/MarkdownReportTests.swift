import SamverkanCore
import Testing
@testable import SamverkanRender

/// The fixture report as Markdown, whole, in both locales: the spec of the Markdown format.
@Suite struct MarkdownReportTests {
    @Test func swedish() {
        let output = render(Fixture.document, as: .markdown, options: Fixture.options(.sv), geometry: Fixture.TwoSquares())
        #expect(output == Self.swedish)
    }

    @Test func english() {
        let output = render(Fixture.document, as: .markdown, options: Fixture.options(.en), geometry: Fixture.TwoSquares())
        #expect(output == Self.english)
    }

    static let swedish = #"""
        # Regionsamverkan Sydsverige

        Sex regioner i södra Sverige samarbetar sedan 2016 om det som ingen av dem löser ensam: infrastruktur, kompetensförsörjning och hälso- och sjukvård.

        - **Bildad:** 1 januari 2016
        - **Medlemmar:** 6
        - **Andel av Sverige:** 25,0 %
        - **Aktiv:** ja

        ## Samarbetsområden

        - Infrastruktur & transporter
        - Kompetensförsörjning
        - Hälso- och sjukvård \<vård\>

        ## Regionerna

        **Befolkning 2023**

        | Region         | Kommuner | Befolkning |  Andel | Inv/km² | Region sedan   |
        | -------------- | -------: | ---------: | -----: | ------: | -------------- |
        | Skåne län      |       33 |  1 428 626 | 26,0 % |   129,4 | 1 januari 1999 |
        | Jönköpings län |       13 |    366 479 |  6,7 % |    35,1 | 1 januari 2015 |
        | Hallands län   |        6 |    340 243 |  6,2 % |    62,0 | 1 januari 2011 |
        | Blekinge län   |        5 |    156 253 |  2,8 % |         | 1 januari 2019 |

        **Avvikelser**

        | Kommun | Fel |
        | ------ | --- |

        _(inga rader)_

        | Ståndpunkt      | Sammanfattning                                                                                                                            |   År |
        | --------------- | ----------------------------------------------------------------------------------------------------------------------------------------- | ---: |
        | Södra stambanan | Regionerna vill att staten bygger ut Södra stambanan till fyra spår mellan Lund och Hässleholm, "snarast"; finansiering \| tidplan oklar. | 2021 |
        | Vård            | Kort.                                                                                                                                     | 2023 |

        **Befolkning per region**

        | Kategori       |     Värde |
        | -------------- | --------: |
        | Skåne län      | 1 428 626 |
        | Jönköpings län |   366 479 |
        | Hallands län   |   340 243 |
        | Kalmar län     |   246 641 |
        | Kronobergs län |   203 686 |
        | Blekinge län   |   156 253 |

        _(diagram: se --format html)_

        **Befolkning på kartan**

        | Kod | Område    |     Värde |
        | --- | --------- | --------: |
        | 12  | Skåne län | 1 428 626 |
        | 06  |           |   366 479 |

        _(karta: se --format html)_

        """#

    static let english = #"""
        # Regionsamverkan Sydsverige

        Sex regioner i södra Sverige samarbetar sedan 2016 om det som ingen av dem löser ensam: infrastruktur, kompetensförsörjning och hälso- och sjukvård.

        - **Bildad:** 1 January 2016
        - **Medlemmar:** 6
        - **Andel av Sverige:** 25.0%
        - **Aktiv:** yes

        ## Samarbetsområden

        - Infrastruktur & transporter
        - Kompetensförsörjning
        - Hälso- och sjukvård \<vård\>

        ## Regionerna

        **Befolkning 2023**

        | Region         | Kommuner | Befolkning | Andel | Inv/km² | Region sedan   |
        | -------------- | -------: | ---------: | ----: | ------: | -------------- |
        | Skåne län      |       33 |  1,428,626 | 26.0% |   129.4 | 1 January 1999 |
        | Jönköpings län |       13 |    366,479 |  6.7% |    35.1 | 1 January 2015 |
        | Hallands län   |        6 |    340,243 |  6.2% |    62.0 | 1 January 2011 |
        | Blekinge län   |        5 |    156,253 |  2.8% |         | 1 January 2019 |

        **Avvikelser**

        | Kommun | Fel |
        | ------ | --- |

        _(no rows)_

        | Ståndpunkt      | Sammanfattning                                                                                                                            |   År |
        | --------------- | ----------------------------------------------------------------------------------------------------------------------------------------- | ---: |
        | Södra stambanan | Regionerna vill att staten bygger ut Södra stambanan till fyra spår mellan Lund och Hässleholm, "snarast"; finansiering \| tidplan oklar. | 2021 |
        | Vård            | Kort.                                                                                                                                     | 2023 |

        **Befolkning per region**

        | Label          |     Value |
        | -------------- | --------: |
        | Skåne län      | 1,428,626 |
        | Jönköpings län |   366,479 |
        | Hallands län   |   340,243 |
        | Kalmar län     |   246,641 |
        | Kronobergs län |   203,686 |
        | Blekinge län   |   156,253 |

        _(chart: see --format html)_

        **Befolkning på kartan**

        | Code | Area      |     Value |
        | ---- | --------- | --------: |
        | 12   | Skåne län | 1,428,626 |
        | 06   |           |   366,479 |

        _(map: see --format html)_

        """#
}
