def test_open_letter_page_is_served(client, make):
    make.letter("hello")
    assert client.get("/en/letters/hello").status_code == 200
