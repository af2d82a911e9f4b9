# A thin front for newcomers; the build itself is CMake (see build.sh).
.PHONY: all demo test asan fuzz bench format clean
all:
	./build.sh deps && cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build
demo:
	./build.sh demo
test:
	./build.sh test
asan:
	./build.sh asan
fuzz:
	./build.sh fuzz 60
bench:
	./build.sh bench
format:
	clang-format -i include/*.h src/*.c src/*/*.[ch] tests/*.c tests/*/*.[ch]
clean:
	rm -rf build build-asan build-fuzz build-release
