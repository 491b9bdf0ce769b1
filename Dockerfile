# The course in a container, set up by the same ./course setup that CI runs.
#
#   CPU:  docker build -t gan-course .
#         docker run --rm -p 8888:8888 -v gan-course-data:/home/student/course/data gan-course
#   GPU:  docker build --build-arg GPU=--gpu -t gan-course-gpu .
#         docker run --rm --gpus all -p 8888:8888 -v gan-course-data:/home/student/course/data gan-course-gpu
#         (the CUDA 11.6 runtime and cuDNN come inside ND4J's jars: the host needs only the NVIDIA driver and
#         the NVIDIA container toolkit, and the image needs no CUDA base)
#
# JupyterLab listens on all interfaces inside the container (Docker publishes the port) and always asks
# for the token it prints. Datasets are fetched on first use into the data volume.
ARG BASE=debian:bookworm-slim
FROM ${BASE}
ARG GPU=

ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven python3 python3-pip python3-venv ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && python3 -m venv /opt/jupyter \
 && /opt/jupyter/bin/pip install --no-cache-dir "jupyterlab>=4,<5" nbclient nbconvert nbformat
ENV PATH=/opt/jupyter/bin:$PATH

RUN useradd --create-home --shell /bin/bash student
USER student
WORKDIR /home/student/course
COPY --chown=student:student . .
RUN ./course setup ${GPU} && mkdir -p data

EXPOSE 8888
ENV GAN_COURSE_IP=0.0.0.0
CMD ["./course", "lab", "--port=8888"]
