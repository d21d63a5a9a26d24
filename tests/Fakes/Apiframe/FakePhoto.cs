using System.Buffers.Binary;
using System.IO.Compression;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// A photographic-like PNG made from scratch: a sky-to-ground gradient under several octaves of smooth value noise
/// (the "scene"), a few hard-edged shapes, and per-pixel sensor grain. Encoded like a real encoder would (Sub filter,
/// zlib), so its size behaves like a photo's: a 4096 × 2304 image is about 18 MB, well above Discord's default 10 MiB.
/// JPEG shrinks it more than a real photo (to about 1 MB at quality 90): the scene is smoother than nature.
/// Deterministic for a seed.
/// </summary>
public static class FakePhoto
{
    /// <summary>The default grain amplitude (± levels per channel): with it a 4096 × 2304 photo is about 18 MB.</summary>
    public const int DefaultGrain = 1;

    /// <summary>The default strength of the foliage-like texture on the ground, what lossy encoders spend bytes on.</summary>
    public const int DefaultTexture = 60;

    /// <summary>Texture cells across the width.</summary>
    private const double TextureCells = 600;

    public static byte[] Png(int width, int height, int seed = 0, int grain = DefaultGrain, int texture = DefaultTexture)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegative(grain);

        var stride = 3 * width;
        var lattice = new Lattice(seed);
        var horizons = new double[width];
        for (var x = 0; x < width; x++)
        {
            horizons[x] = 0.45 + (0.15 * lattice.Fbm(((double)x / width * 2) + 17, 3));
        }

        // The pixels in parallel (each row has its own grain, seeded by the row), then filtered and compressed in order.
        var pixels = new byte[checked(stride * height)];
        Parallel.For(0, height, y => RenderRow(pixels.AsSpan(y * stride, stride), y, width, height, lattice, horizons, seed, grain, texture));

        using var compressed = new MemoryStream(width * height * 2);
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var filtered = new byte[1 + stride];
            for (var y = 0; y < height; y++)
            {
                // Filter type 2 (Up) for all but the first row, like an encoder picking a cheap predictor.
                var row = pixels.AsSpan(y * stride, stride);
                filtered[0] = (byte)(y == 0 ? 0 : 2);
                if (y == 0)
                {
                    row.CopyTo(filtered.AsSpan(1));
                }
                else
                {
                    var above = pixels.AsSpan((y - 1) * stride, stride);
                    for (var i = 0; i < stride; i++)
                    {
                        filtered[1 + i] = (byte)(row[i] - above[i]);
                    }
                }

                zlib.Write(filtered);
            }
        }

        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB

        using var output = new MemoryStream((int)compressed.Length + 1024);
        output.Write(FakeImages.PngSignature);
        FakeImages.WriteChunk(output, "IHDR", ihdr);
        var data = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        for (var offset = 0; offset < data.Length; offset += 1 << 20)
        {
            FakeImages.WriteChunk(output, "IDAT", data.Slice(offset, Math.Min(1 << 20, data.Length - offset)));
        }

        FakeImages.WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void RenderRow(Span<byte> row, int y, int width, int height, Lattice lattice, double[] horizons, int seed, int grain, int texture)
    {
        var random = new XorShift((uint)((seed * 2654435761u) ^ ((uint)y * 40503u)) | 1u);
        var v = (double)y / height;
        for (var x = 0; x < width; x++)
        {
            var u = (double)x / width;
            var scene = lattice.Fbm(u * 6, v * 6 * height / width);
            var horizon = horizons[x];
            double r, g, b;
            if (v < horizon)
            {
                // Sky: blue fading to haze near the horizon, with soft clouds.
                var t = v / horizon;
                var cloud = Math.Max(0, scene - 0.45) * 2.2;
                r = 90 + (110 * t) + (120 * cloud);
                g = 140 + (80 * t) + (110 * cloud);
                b = 215 + (25 * t) + (40 * cloud);
            }
            else
            {
                // Ground: greens and browns, darker in the foreground, textured by the finer octaves.
                var t = (v - horizon) / (1 - horizon);
                var detail = lattice.Fbm(u * 40, v * 40 * height / width);
                var leaves = lattice.Fbm(u * TextureCells, v * TextureCells * height / width) - 0.5;
                r = (70 + (60 * scene) + (50 * detail) + (texture * leaves)) * (1 - (0.4 * t));
                g = (95 + (70 * scene) + (40 * detail) + (texture * 1.2 * leaves)) * (1 - (0.35 * t));
                b = (45 + (30 * scene) + (20 * detail) + (texture * 0.6 * leaves)) * (1 - (0.3 * t));
            }

            // A sun and a pole: hard edges, which is what makes JPEG work for its bytes.
            var dx = u - 0.72;
            var dy = (v - 0.18) * height / width;
            if ((dx * dx) + (dy * dy) < 0.0016)
            {
                r = 255;
                g = 236;
                b = 180;
            }
            else if (u is > 0.3 and < 0.305 && v > horizon - 0.2)
            {
                r *= 0.25;
                g *= 0.25;
                b *= 0.25;
            }

            var i = 3 * x;
            row[i] = Clamp(r + random.Grain(grain));
            row[i + 1] = Clamp(g + random.Grain(grain));
            row[i + 2] = Clamp(b + random.Grain(grain));
        }
    }

    private static byte Clamp(double value) => (byte)Math.Clamp((int)value, 0, 255);

    /// <summary>Smooth value noise on an integer lattice, summed over octaves (fractal Brownian motion), in [0, 1].</summary>
    private sealed class Lattice(int seed)
    {
        public double Fbm(double x, double y)
        {
            double sum = 0, amplitude = 0.5, total = 0;
            for (var octave = 0; octave < 4; octave++)
            {
                sum += amplitude * Value(x, y, octave);
                total += amplitude;
                x *= 2.03;
                y *= 2.03;
                amplitude *= 0.5;
            }

            return sum / total;
        }

        private double Value(double x, double y, int octave)
        {
            var x0 = (int)Math.Floor(x);
            var y0 = (int)Math.Floor(y);
            var fx = Smooth(x - x0);
            var fy = Smooth(y - y0);
            var a = Hash(x0, y0, octave);
            var b = Hash(x0 + 1, y0, octave);
            var c = Hash(x0, y0 + 1, octave);
            var d = Hash(x0 + 1, y0 + 1, octave);
            return (a + ((b - a) * fx)) + (((c + ((d - c) * fx)) - (a + ((b - a) * fx))) * fy);
        }

        private static double Smooth(double t) => t * t * (3 - (2 * t));

        private double Hash(int x, int y, int octave)
        {
            unchecked
            {
                var h = (uint)((x * 374761393) + (y * 668265263) + (octave * 2147483647) + (seed * 1274126177));
                h = (h ^ (h >> 13)) * 1274126177u;
                return (h ^ (h >> 16)) / (double)uint.MaxValue;
            }
        }
    }

    private struct XorShift(uint state)
    {
        private uint _state = state;

        /// <summary>Roughly triangular noise in [-amplitude, amplitude], like sensor grain.</summary>
        public int Grain(int amplitude)
        {
            if (amplitude == 0)
            {
                return 0;
            }

            var span = (2 * amplitude) + 1;
            return (int)((Next() % (uint)span) + (Next() % (uint)span)) / 2 - amplitude;
        }

        private uint Next()
        {
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            return _state;
        }
    }
}
